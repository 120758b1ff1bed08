package dev.bootcj.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Digest;
import dev.bootcj.oci.MediaType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class VerifyingInputStreamTest {
    @Test
    void aMismatchSwallowedByTheDecompressorIsReportedWithTheRealDigest() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write("layer content\n".repeat(100).getBytes(StandardCharsets.UTF_8));
        }
        // After the member, the start of a second gzip header whose file name never ends: the JDK's gzip reader
        // probes it, reaches the end of the blob (where the verification throws) and takes that as the end.
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        blob.write(gz.toByteArray());
        blob.write(new byte[] {0x1f, (byte) 0x8b, 8, 8, 0, 0, 0, 0, 0, 0});
        blob.write("an-unterminated-file-name".getBytes(StandardCharsets.US_ASCII));
        byte[] bytes = blob.toByteArray();
        Digest actual = Digest.sha256(bytes);
        Digest declared = Digest.sha256(gz.toByteArray());
        Descriptor d = Descriptor.of(MediaType.OCI_LAYER_GZIP, declared, bytes.length);
        VerifyingInputStream verified = new VerifyingInputStream(new ByteArrayInputStream(bytes), d);
        try (InputStream in = new GZIPInputStream(verified)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        BlobVerificationException e = assertThrows(BlobVerificationException.class,
                () -> verified.transferTo(OutputStream.nullOutputStream()));
        assertEquals(BlobVerificationException.Kind.DIGEST_MISMATCH, e.kind());
        assertEquals("Digest mismatch for blob " + declared + ": content has " + actual, e.getMessage());
    }

    @Test
    void everyReadAtTheEndRepeatsTheVerdict() throws Exception {
        byte[] bytes = "short".getBytes(StandardCharsets.UTF_8);
        Descriptor d = Descriptor.of(MediaType.OCI_LAYER_GZIP, Digest.sha256(bytes), bytes.length + 1);
        VerifyingInputStream in = new VerifyingInputStream(new ByteArrayInputStream(bytes), d);
        BlobVerificationException first = assertThrows(BlobVerificationException.class, in::readAllBytes);
        BlobVerificationException second = assertThrows(BlobVerificationException.class, in::read);
        assertEquals(first.getMessage(), second.getMessage());
    }
}
