package dev.bootcj.registry;

import dev.bootcj.BootcException;
import dev.bootcj.blob.BlobDownloader;
import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Digest;
import dev.bootcj.oci.ImageName;
import dev.bootcj.oci.RawManifest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An image in a registry ({@code registry:} / {@code docker://}), fetched from the first registries.conf
 * endpoint (mirrors first) that has it.
 */
final class RegistryImageSource implements ImageSource {
    private static final Logger log = LoggerFactory.getLogger(RegistryImageSource.class);

    private final ImageName image;
    private final RegistryOptions options;
    private final List<RegistryClient> clients;
    private volatile RegistryClient chosen;

    RegistryImageSource(ImageName image, RegistryOptions options) throws IOException, BootcException {
        this.image = image;
        this.options = options;
        List<RegistryClient> list = new ArrayList<>();
        for (RegistriesConf.Endpoint e : RegistriesConf.load(options.registriesConf()).endpoints(image)) {
            list.add(RegistryClient.create(e.registry(), e.repository(), e.insecure(), options));
        }
        this.clients = List.copyOf(list);
    }

    @Override
    public String name() {
        return "docker://" + image;
    }

    @Override
    public RawManifest manifest() throws IOException, BootcException {
        String ref = image.reference();
        RegistryClient c = chosen;
        if (c != null) {
            return c.pullManifest(ref);
        }
        Exception last = null;
        for (int i = 0; i < clients.size(); i++) {
            RegistryClient client = clients.get(i);
            try {
                RawManifest m = client.pullManifest(ref);
                chosen = client;
                return m;
            } catch (IOException | BootcException e) {
                if (i == clients.size() - 1) {
                    throw e;
                }
                log.info("Mirror {} failed for {}: {}", client.registry(), image, e.getMessage());
                last = e;
            }
        }
        throw new AssertionError("no endpoint for " + image, last);
    }

    private RegistryClient client() throws IOException, BootcException {
        if (chosen == null) {
            manifest();
        }
        return chosen;
    }

    @Override
    public Digest topDigest() throws IOException, BootcException {
        RegistryClient c = chosen != null ? chosen : clients.getLast();
        var d = c.checkManifest(image.reference());
        if (d.isPresent()) {
            return d.get();
        }
        return manifest().digest();
    }

    @Override
    public RawManifest manifest(Descriptor child) throws IOException, BootcException {
        return client().pullManifest(child.digest().toString());
    }

    @Override
    public InputStream openBlob(Descriptor blob, long offset) throws IOException, BootcException {
        return client().pullBlob(blob.digest(), offset);
    }

    @Override
    public byte[] readBlob(Descriptor blob) throws IOException, BootcException {
        return new BlobDownloader(name(), options.maxResumes(), options::backoff)
                .readAll(blob, offset -> openBlob(blob, offset));
    }

    @Override
    public void close() {
    }
}
