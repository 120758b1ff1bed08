package dev.bootcj.blob;

import dev.bootcj.BootcException;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Digest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The {@code blobs/<algorithm>/<hex>} tree of an OCI layout: a blob is present only once fully written and
 * verified (temp file, fsync, atomic move).
 */
public final class BlobStore {
    private final Path blobsDir;

    /** @param layoutDir the OCI layout directory (its {@code blobs} subdirectory is used) */
    public BlobStore(Path layoutDir) {
        this.blobsDir = layoutDir.resolve("blobs");
    }

    /** Where blob {@code d} lives. */
    public Path path(Digest d) {
        return blobsDir.resolve(d.algorithm()).resolve(d.hex());
    }

    /** Whether the blob is present with the right size (its digest was checked when it was stored). */
    public boolean contains(Descriptor d) {
        Path p = path(d.digest());
        try {
            return Files.isRegularFile(p) && Files.size(p) == d.size();
        } catch (IOException e) {
            return false;
        }
    }

    /** Downloads a blob into the store unless present; returns false if it was already there. */
    public boolean put(Descriptor d, BlobOpener opener, BlobDownloader downloader, BlobDownloader.Listener listener)
            throws IOException, BootcException {
        if (contains(d)) {
            return false;
        }
        downloader.download(d, opener, path(d.digest()), listener);
        return true;
    }

    /** Stores small content already in memory (manifests, configs), whose digest the caller computed. */
    public void putBytes(Digest d, byte[] bytes) throws IOException {
        Path target = path(d);
        if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".tmp-", ".partial");
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            BlobDownloader.moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
