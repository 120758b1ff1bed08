package dev.bootcj.registry;

import dev.bootcj.BootcException;
import dev.bootcj.ImageException;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Digest;
import dev.bootcj.oci.ImageIndex;
import dev.bootcj.spec.SpecMapper;
import dev.bootcj.oci.RawManifest;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An image in an OCI image layout ({@code oci:DIR[:tag]}) or a tar of one ({@code oci-archive:FILE[:tag]}):
 * {@code index.json} names manifests by the {@code org.opencontainers.image.ref.name} annotation.
 */
final class OciLayoutSource extends LocalLayout {
    private final String tag;

    /** @param tag the ref name, or null to take the only manifest */
    OciLayoutSource(LocalFiles files, String name, String tag) {
        super(files, name);
        this.tag = tag;
    }

    @Override
    String blobPath(Digest d) {
        return "blobs/" + d.algorithm() + "/" + d.hex();
    }

    @Override
    public RawManifest manifest() throws IOException, BootcException {
        if (!files.exists("index.json")) {
            throw new ImageException("Image " + name + " not found: " + files.describe("index.json")
                    + " does not exist (not an OCI layout)");
        }
        ImageIndex index;
        try {
            index = SpecMapper.ociJson().readValue(files.readAll("index.json", ManifestPuller.MAX_MANIFEST_BYTES),
                    ImageIndex.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ImageException("Image " + name + ": invalid " + files.describe("index.json") + ": "
                    + e.getOriginalMessage(), e);
        }
        List<Descriptor> entries = index.manifests();
        Descriptor chosen;
        if (tag == null) {
            if (entries.size() != 1) {
                throw new ImageException("Image " + name + ": " + files.describe("index.json") + " has "
                        + entries.size() + " manifests; name one with :TAG (tags: " + tags(entries) + ")");
            }
            chosen = entries.getFirst();
        } else {
            chosen = entries.stream().filter(d -> d.annotation(Descriptor.REF_NAME).filter(tag::equals).isPresent())
                    .findFirst().orElseThrow(() -> new ImageException("Image " + name + " not found: no manifest"
                            + " with tag '" + tag + "' in " + files.describe("index.json") + " (tags: "
                            + tags(entries) + ")"));
        }
        return readManifest(blobPath(chosen.digest()), chosen);
    }

    private static String tags(List<Descriptor> entries) {
        String s = entries.stream().map(d -> d.annotation(Descriptor.REF_NAME).orElse(null))
                .filter(t -> t != null).collect(Collectors.joining(", "));
        return s.isEmpty() ? "none" : s;
    }
}
