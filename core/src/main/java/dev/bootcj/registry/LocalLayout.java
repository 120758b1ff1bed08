package dev.bootcj.registry;

import dev.bootcj.BootcException;
import dev.bootcj.ImageException;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Digest;
import dev.bootcj.oci.RawManifest;
import java.io.IOException;
import java.io.InputStream;

/** Shared code of the file-based transports: blobs and child manifests read from {@link LocalFiles}. */
abstract class LocalLayout implements ImageSource {
    protected final LocalFiles files;
    protected final String name;

    LocalLayout(LocalFiles files, String name) {
        this.files = files;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /** The relative path of a blob. */
    abstract String blobPath(Digest d);

    @Override
    public InputStream openBlob(Descriptor blob, long offset) throws IOException, BootcException {
        String path = blobPath(blob.digest());
        if (!files.exists(path)) {
            throw new ImageException("Image " + name + ": blob " + blob.digest() + " is missing ("
                    + files.describe(path) + ")");
        }
        return files.open(path, offset);
    }

    /** Reads a manifest file and checks it against {@code d}. */
    RawManifest readManifest(String path, Descriptor d) throws IOException, BootcException {
        if (!files.exists(path)) {
            throw new ImageException("Image " + name + ": manifest " + d.digest() + " is missing ("
                    + files.describe(path) + ")");
        }
        byte[] bytes = files.readAll(path, ManifestPuller.MAX_MANIFEST_BYTES);
        Digest actual = d.digest().sameAlgorithmOf(bytes);
        if (!actual.equals(d.digest())) {
            throw new ImageException("Digest mismatch for manifest of " + name + ": expected " + d.digest()
                    + ", content has " + actual);
        }
        return RawManifest.of(bytes, d.mediaType());
    }

    @Override
    public RawManifest manifest(Descriptor child) throws IOException, BootcException {
        return readManifest(blobPath(child.digest()), child);
    }

    @Override
    public void close() throws IOException {
        files.close();
    }
}
