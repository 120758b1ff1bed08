package dev.bootcj.oci;

import dev.bootcj.ImageException;
import dev.bootcj.spec.ImageReference;
import dev.bootcj.spec.ImageSignature;

/**
 * bootc's origin form of an image reference ({@code container-image-reference=} in a deployment's
 * {@code .origin}): {@code ostree-unverified-registry:<name>}, {@code ostree-unverified-image:<transport>:<name>},
 * {@code ostree-image-signed:<transport>:<name>}, {@code ostree-remote-image:<remote>:<transport>:<name>},
 * {@code ostree-remote-registry:<remote>:<name>}. Parsed and printed back as upstream does.
 * {@snippet :
 * OstreeImageReference r = OstreeImageReference.parse("ostree-unverified-registry:quay.io/x/os:latest");
 * r.toString(); // "ostree-unverified-registry:quay.io/x/os:latest"
 * }
 *
 * @param signature the verification policy (never null; {@link ImageSignature.Insecure} for unverified)
 * @param transport the transport
 * @param name the image name within the transport
 */
public record OstreeImageReference(ImageSignature signature, Transport transport, String name) {

    public OstreeImageReference {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("empty image name");
        }
        if (signature == null) {
            signature = new ImageSignature.Insecure();
        }
    }

    /** Parses the origin form. */
    public static OstreeImageReference parse(String s) throws ImageException {
        int colon = s.indexOf(':');
        if (colon < 0) {
            throw new ImageException("Invalid ostree image reference '" + s + "': missing ':'");
        }
        String kind = s.substring(0, colon);
        String rest = s.substring(colon + 1);
        return switch (kind) {
            case "ostree-unverified-registry" -> new OstreeImageReference(null, Transport.REGISTRY, nonEmpty(rest, s));
            case "ostree-unverified-image" -> withTransport(new ImageSignature.Insecure(), rest, s);
            case "ostree-image-signed" -> withTransport(new ImageSignature.ContainerPolicy(), rest, s);
            case "ostree-remote-image", "ostree-remote-registry" -> {
                int c = rest.indexOf(':');
                if (c <= 0) {
                    throw new ImageException("Invalid ostree image reference '" + s + "': missing remote name");
                }
                ImageSignature sig = new ImageSignature.OstreeRemote(rest.substring(0, c));
                String tail = rest.substring(c + 1);
                yield kind.equals("ostree-remote-registry")
                        ? new OstreeImageReference(sig, Transport.REGISTRY, nonEmpty(tail, s))
                        : withTransport(sig, tail, s);
            }
            default -> throw new ImageException("Invalid ostree image reference '" + s + "': unknown prefix '"
                    + kind + ":'");
        };
    }

    /** From the spec form. */
    public static OstreeImageReference of(ImageReference ref) throws ImageException {
        return new OstreeImageReference(ref.signature(), Transport.parse(ref.transport()), ref.image());
    }

    /** The spec form ({@code image}, {@code transport}, {@code signature}; insecure omitted). */
    public ImageReference toSpec() {
        return new ImageReference(name, transport.specName(), signature);
    }

    /** The containers/image form: {@code docker://quay.io/x:y}, {@code oci:/path}. */
    public String transportReference() {
        return transport.prefix() + name;
    }

    @Override
    public String toString() {
        return switch (signature) {
            case ImageSignature.Insecure i -> transport == Transport.REGISTRY
                    ? "ostree-unverified-registry:" + name
                    : "ostree-unverified-image:" + transportReference();
            case ImageSignature.ContainerPolicy c -> "ostree-image-signed:" + transportReference();
            case ImageSignature.OstreeRemote r -> "ostree-remote-image:" + r.remote() + ":" + transportReference();
        };
    }

    private static OstreeImageReference withTransport(ImageSignature sig, String rest, String whole)
            throws ImageException {
        if (rest.startsWith("docker://")) {
            return new OstreeImageReference(sig, Transport.REGISTRY, nonEmpty(rest.substring(9), whole));
        }
        int c = rest.indexOf(':');
        if (c <= 0) {
            throw new ImageException("Invalid ostree image reference '" + whole + "': missing transport");
        }
        String t = rest.substring(0, c);
        Transport transport = t.equals("registry") ? Transport.REGISTRY : Transport.parse(t);
        return new OstreeImageReference(sig, transport, nonEmpty(rest.substring(c + 1), whole));
    }

    private static String nonEmpty(String name, String whole) throws ImageException {
        if (name.isEmpty()) {
            throw new ImageException("Invalid ostree image reference '" + whole + "': empty image name");
        }
        return name;
    }
}
