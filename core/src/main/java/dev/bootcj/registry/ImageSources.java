package dev.bootcj.registry;

import dev.bootcj.BootcException;
import dev.bootcj.ImageException;
import dev.bootcj.oci.ImageName;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.oci.Transport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens an {@link ImageSource} for a transport and a name in that transport's syntax:
 * {@code registry}/{@code docker}: {@code [registry/]path[:tag][@digest]}; {@code oci}: {@code DIR[:tag]};
 * {@code oci-archive}: {@code FILE[:tag]}; {@code docker-archive}: {@code FILE[:name:tag|:@N]}; {@code dir}: {@code DIR}.
 * {@snippet :
 * ImageSource s = ImageSources.open(Transport.parse("oci-archive"), "/tmp/os.tar:latest", RegistryOptions.defaults());
 * }
 */
public final class ImageSources {
    private ImageSources() {
    }

    /** Opens {@code name} in {@code transport}. */
    public static ImageSource open(Transport transport, String name, RegistryOptions options)
            throws IOException, BootcException {
        return switch (transport) {
            case REGISTRY -> new RegistryImageSource(ImageName.parse(strip(name, "//")), options);
            case OCI -> {
                String[] pt = pathAndRef(name, transport);
                Path dir = Path.of(pt[0]);
                yield new OciLayoutSource(LocalFiles.directory(dir), "oci:" + name, pt[1]);
            }
            case OCI_ARCHIVE -> {
                String[] pt = pathAndRef(name, transport);
                yield new OciLayoutSource(LocalFiles.tar(archive(pt[0], name, transport)), "oci-archive:" + name, pt[1]);
            }
            case DOCKER_ARCHIVE -> {
                String[] pt = pathAndRef(name, transport);
                yield new DockerArchiveSource(LocalFiles.tar(archive(pt[0], name, transport)), "docker-archive:" + name,
                        pt[1]);
            }
            case DIR -> new DirSource(LocalFiles.directory(Path.of(name)), "dir:" + name);
            case CONTAINERS_STORAGE -> throw new ImageException("Transport 'containers-storage' is not supported"
                    + " (image '" + name + "')");
        };
    }

    /** Opens the image of a bootc origin reference. */
    public static ImageSource open(OstreeImageReference ref, RegistryOptions options)
            throws IOException, BootcException {
        return open(ref.transport(), ref.name(), options);
    }

    /**
     * Opens a containers/image style reference with its transport prefix: {@code docker://quay.io/x:y},
     * {@code oci:/dir:tag}, {@code oci-archive:/f.tar}, {@code docker-archive:/f.tar}, {@code dir:/d}.
     */
    public static ImageSource open(String transportReference, RegistryOptions options)
            throws IOException, BootcException {
        int colon = transportReference.indexOf(':');
        if (colon <= 0) {
            throw new ImageException("Invalid image reference '" + transportReference
                    + "': expected TRANSPORT:NAME (e.g. docker://quay.io/x/y:latest)");
        }
        Transport t = Transport.parse(transportReference.substring(0, colon));
        return open(t, transportReference.substring(colon + 1), options);
    }

    private static String strip(String name, String prefix) {
        return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }

    private static String[] pathAndRef(String name, Transport t) throws ImageException {
        if (name.isEmpty()) {
            throw new ImageException("Invalid " + t.specName() + " image reference '': empty path");
        }
        int colon = name.indexOf(':');
        if (colon == 0) {
            throw new ImageException("Invalid " + t.specName() + " image reference '" + name + "': empty path");
        }
        if (colon < 0) {
            return new String[] {name, null};
        }
        String ref = name.substring(colon + 1);
        return new String[] {name.substring(0, colon), ref.isEmpty() ? null : ref};
    }

    private static Path archive(String path, String name, Transport t) throws ImageException {
        Path p = Path.of(path);
        if (!Files.isRegularFile(p)) {
            throw new ImageException("Image " + t.specName() + ":" + name + " not found: " + p + " does not exist");
        }
        return p;
    }
}
