package dev.bootcj.registry;

import dev.bootcj.BootcException;
import dev.bootcj.ImageException;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Digest;
import dev.bootcj.oci.RawManifest;
import java.io.IOException;

/**
 * skopeo's {@code dir:PATH} format: {@code manifest.json}, blobs named by their hex digest, per-platform
 * manifests of a copied index as {@code <hex>.manifest.json}, and a {@code version} file.
 */
final class DirSource extends LocalLayout {
    DirSource(LocalFiles files, String name) {
        super(files, name);
    }

    @Override
    String blobPath(Digest d) {
        return d.hex();
    }

    @Override
    public RawManifest manifest() throws IOException, BootcException {
        if (!files.exists("manifest.json")) {
            throw new ImageException("Image " + name + " not found: " + files.describe("manifest.json")
                    + " does not exist");
        }
        return RawManifest.of(files.readAll("manifest.json", ManifestPuller.MAX_MANIFEST_BYTES), null);
    }

    @Override
    public RawManifest manifest(Descriptor child) throws IOException, BootcException {
        String instance = child.digest().hex() + ".manifest.json";
        return readManifest(files.exists(instance) ? instance : blobPath(child.digest()), child);
    }
}
