package dev.bootcj.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bootcj.RegistryException;
import dev.bootcj.oci.ImageName;
import dev.bootcj.spec.SpecMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * containers-registries.conf(5) version 2: {@code [[registry]]} tables with {@code prefix}, {@code location},
 * {@code insecure}, {@code blocked} and {@code [[registry.mirror]]} entries. Resolves an image name to the
 * endpoints to try, mirrors first.
 * {@snippet lang=toml :
 * [[registry]]
 * prefix = "example.com/os"
 * location = "internal.example.com:5000/os"
 * insecure = true
 * [[registry.mirror]]
 * location = "mirror.example.com/os"
 * }
 */
final class RegistriesConf {
    /** One place to fetch an image from. */
    record Endpoint(String registry, String repository, boolean insecure, boolean mirror) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record File(@JsonProperty("registry") List<Registry> registries) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Registry(
            @JsonProperty("prefix") String prefix,
            @JsonProperty("location") String location,
            @JsonProperty("insecure") boolean insecure,
            @JsonProperty("blocked") boolean blocked,
            @JsonProperty("mirror-by-digest-only") boolean mirrorByDigestOnly,
            @JsonProperty("mirror") List<Mirror> mirrors) {
        String effectivePrefix() {
            return prefix == null || prefix.isEmpty() ? location : prefix;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Mirror(
            @JsonProperty("location") String location,
            @JsonProperty("insecure") boolean insecure,
            @JsonProperty("pull-from-mirror") String pullFromMirror) {
    }

    private final List<Registry> registries;

    private RegistriesConf(List<Registry> registries) {
        this.registries = registries;
    }

    /** No configuration: every name maps to itself over verified TLS. */
    static RegistriesConf empty() {
        return new RegistriesConf(List.of());
    }

    /** Reads {@code file}; a missing file is an empty configuration. */
    static RegistriesConf load(Path file) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            return empty();
        }
        File f;
        try {
            f = SpecMapper.toml().readValue(file.toFile(), File.class);
        } catch (IOException e) {
            throw new IOException("Cannot parse " + file + ": " + e.getMessage(), e);
        }
        List<Registry> regs = f == null || f.registries() == null ? List.of() : f.registries();
        for (Registry r : regs) {
            if (r.effectivePrefix() == null || r.effectivePrefix().isEmpty()) {
                throw new IOException("Invalid " + file + ": a [[registry]] needs a prefix or a location");
            }
        }
        return new RegistriesConf(regs);
    }

    /**
     * The endpoints for {@code name}, mirrors first, then the primary location.
     *
     * @throws RegistryException if the matching entry is {@code blocked}
     */
    List<Endpoint> endpoints(ImageName name) throws RegistryException {
        String full = name.registry() + "/" + name.repository();
        Registry best = null;
        int bestLength = -1;
        for (Registry r : registries) {
            String prefix = r.effectivePrefix();
            int len = matchLength(prefix, full, name.registry());
            if (len > bestLength) {
                best = r;
                bestLength = len;
            }
        }
        List<Endpoint> out = new ArrayList<>();
        if (best == null) {
            out.add(new Endpoint(name.registry(), name.repository(), false, false));
            return out;
        }
        if (best.blocked()) {
            throw new RegistryException("Registry " + name.registry() + " is blocked in registries.conf (prefix '"
                    + best.effectivePrefix() + "')", 0);
        }
        String prefix = best.effectivePrefix();
        String remainder = prefix.startsWith("*.") ? "" : full.substring(Math.min(prefix.length(), full.length()));
        boolean byDigest = name.digest() != null;
        if (best.mirrors() != null) {
            for (Mirror m : best.mirrors()) {
                boolean digestOnly = best.mirrorByDigestOnly() || "digest-only".equals(m.pullFromMirror());
                boolean tagOnly = "tag-only".equals(m.pullFromMirror());
                if ((digestOnly && !byDigest) || (tagOnly && byDigest)) {
                    continue;
                }
                out.add(split(prefix.startsWith("*.") ? m.location() + "/" + name.repository()
                        : m.location() + remainder, m.insecure(), true));
            }
        }
        String location = best.location() == null || best.location().isEmpty() || prefix.startsWith("*.")
                ? full : best.location() + remainder;
        out.add(split(location, best.insecure(), false));
        return out;
    }

    private static int matchLength(String prefix, String full, String host) {
        if (prefix.startsWith("*.")) {
            String suffix = prefix.substring(1);
            String h = host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
            return h.endsWith(suffix) ? prefix.length() : -1;
        }
        if (full.equals(prefix) || full.startsWith(prefix + "/")) {
            return prefix.length();
        }
        return -1;
    }

    private static Endpoint split(String location, boolean insecure, boolean mirror) {
        int slash = location.indexOf('/');
        if (slash < 0) {
            throw new IllegalStateException("registries.conf location without repository: " + location);
        }
        return new Endpoint(location.substring(0, slash), location.substring(slash + 1), insecure, mirror);
    }
}
