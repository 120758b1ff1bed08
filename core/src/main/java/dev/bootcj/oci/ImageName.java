package dev.bootcj.oci;

import dev.bootcj.ImageException;
import java.util.regex.Pattern;

/**
 * A container image reference in the distribution grammar: {@code [registry[:port]/]path[:tag][@digest]}.
 * What was written is kept and printed back exactly; the normalised parts follow Docker's defaults
 * ({@code docker.io}, {@code library/} for single-component Docker Hub names, tag {@code latest}).
 * {@snippet :
 * ImageName n = ImageName.parse("fedora");
 * n.toString();      // "fedora"
 * n.registry();      // "docker.io"
 * n.repository();    // "library/fedora"
 * n.reference();     // "latest"
 * ImageName.parse("localhost:5000/os/base:v1@sha256:...").registry(); // "localhost:5000"
 * }
 *
 * @param domain the registry as written (host, optional port), or null when omitted
 * @param path the repository path as written
 * @param tag the tag, or null
 * @param digest the digest, or null
 */
public record ImageName(String domain, String path, String tag, Digest digest) {
    /** Docker Hub's canonical name. */
    public static final String DOCKER_HUB = "docker.io";

    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*"
                    + "[a-zA-Z0-9]))*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?");

    public ImageName {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("empty repository path");
        }
    }

    /**
     * Parses a reference.
     *
     * @throws ImageException "Invalid image reference '...': why"
     */
    public static ImageName parse(String s) throws ImageException {
        if (s == null || s.isEmpty()) {
            throw new ImageException("Invalid image reference '': empty");
        }
        String rest = s;
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            try {
                digest = Digest.fromString(rest.substring(at + 1));
            } catch (IllegalArgumentException e) {
                throw invalid(s, e.getMessage());
            }
            rest = rest.substring(0, at);
        }
        String tag = null;
        int lastColon = rest.lastIndexOf(':');
        if (lastColon > rest.lastIndexOf('/')) {
            tag = rest.substring(lastColon + 1);
            rest = rest.substring(0, lastColon);
            if (!TAG.matcher(tag).matches()) {
                throw invalid(s, "invalid tag '" + tag + "'");
            }
        }
        String domain = null;
        String path = rest;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")
                    || !first.equals(first.toLowerCase(java.util.Locale.ROOT))) {
                domain = first;
                path = rest.substring(slash + 1);
                if (!DOMAIN.matcher(domain).matches()) {
                    throw invalid(s, "invalid registry '" + domain + "'");
                }
            }
        }
        if (path.isEmpty()) {
            throw invalid(s, "empty repository name");
        }
        if (path.length() > 255) {
            throw invalid(s, "repository name longer than 255 characters");
        }
        for (String component : path.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                String why = !component.equals(component.toLowerCase(java.util.Locale.ROOT))
                        ? "repository name must be lowercase"
                        : "invalid repository path component '" + component + "'";
                throw invalid(s, why);
            }
        }
        return new ImageName(domain, path, tag, digest);
    }

    private static ImageException invalid(String s, String why) {
        return new ImageException("Invalid image reference '" + s + "': " + why);
    }

    /** The registry, {@code docker.io} when none was written. */
    public String registry() {
        return domain == null || domain.equals("index.docker.io") ? DOCKER_HUB : domain;
    }

    /** The repository path, with {@code library/} added for single-component Docker Hub names. */
    public String repository() {
        return registry().equals(DOCKER_HUB) && !path.contains("/") ? "library/" + path : path;
    }

    /** What to ask the registry for: the digest if present, else the tag, else {@code latest}. */
    public String reference() {
        return digest != null ? digest.toString() : tag != null ? tag : "latest";
    }

    /** The fully qualified form {@code registry/repository[:tag][@digest]} (tag {@code latest} if neither). */
    public String normalized() {
        String t = tag != null ? ":" + tag : digest == null ? ":latest" : "";
        return registry() + "/" + repository() + t + (digest != null ? "@" + digest : "");
    }

    /** This name pinned to {@code d} (tag kept). */
    public ImageName withDigest(Digest d) {
        return new ImageName(domain, path, tag, d);
    }

    @Override
    public String toString() {
        return (domain != null ? domain + "/" : "") + path + (tag != null ? ":" + tag : "")
                + (digest != null ? "@" + digest : "");
    }
}
