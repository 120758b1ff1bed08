package dev.bootcj.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/**
 * An OCI platform ({@code os}, {@code architecture}, optional {@code variant}) as found in an image index.
 * {@snippet :
 * Platform.host();                 // linux/amd64 on an x86_64 JVM
 * Platform.parse("linux/arm64/v8").matches(Platform.parse("linux/arm64")); // true
 * }
 *
 * @param architecture the GOARCH-style name ({@code amd64}, {@code arm64})
 * @param os the GOOS-style name ({@code linux})
 * @param osVersion optional, may be null
 * @param osFeatures optional, may be null
 * @param variant optional CPU variant ({@code v7}, {@code v8}), may be null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Platform(
        @JsonProperty("architecture") String architecture,
        @JsonProperty("os") String os,
        @JsonProperty("os.version") String osVersion,
        @JsonProperty("os.features") List<String> osFeatures,
        @JsonProperty("variant") String variant) {

    public Platform {
        if (architecture == null || architecture.isEmpty() || os == null || os.isEmpty()) {
            throw new IllegalArgumentException("platform needs os and architecture");
        }
        osFeatures = osFeatures == null ? null : List.copyOf(osFeatures);
    }

    /** {@code os/architecture[/variant]}. */
    public static Platform of(String os, String architecture, String variant) {
        return new Platform(architecture, os, null, null, variant);
    }

    /** Parses {@code os/architecture[/variant]}. */
    public static Platform parse(String s) {
        String[] p = s.split("/", -1);
        if (p.length < 2 || p.length > 3 || p[0].isEmpty() || p[1].isEmpty()) {
            throw new IllegalArgumentException("invalid platform '" + s + "' (expected os/architecture[/variant])");
        }
        return of(p[0], p[1], p.length == 3 ? p[2] : null);
    }

    /** The platform this JVM runs on, in OCI names ({@code x86_64} becomes {@code amd64}, ...). */
    public static Platform host() {
        String os = System.getProperty("os.name", "linux").toLowerCase(Locale.ROOT);
        return fromJvm(os.startsWith("linux") ? "linux" : os, System.getProperty("os.arch", "amd64"));
    }

    /** Maps a JVM {@code os.arch} value to the OCI architecture (and variant). */
    static Platform fromJvm(String os, String jvmArch) {
        return switch (jvmArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> of(os, "amd64", null);
            case "aarch64", "arm64" -> of(os, "arm64", null);
            case "x86", "i386", "i486", "i586", "i686" -> of(os, "386", null);
            case "arm" -> of(os, "arm", "v7");
            case "ppc64le" -> of(os, "ppc64le", null);
            case "ppc64" -> of(os, "ppc64", null);
            case "s390x" -> of(os, "s390x", null);
            case "riscv64" -> of(os, "riscv64", null);
            case "loongarch64" -> of(os, "loong64", null);
            default -> of(os, jvmArch, null);
        };
    }

    /**
     * Whether an index entry with platform {@code candidate} can run here (this = wanted). The variant is
     * compared only when both name one; arm64's default variant {@code v8} equals none.
     */
    public boolean matches(Platform candidate) {
        if (!os.equals(candidate.os) || !architecture.equals(candidate.architecture)) {
            return false;
        }
        String a = normalVariant(variant);
        String b = normalVariant(candidate.variant);
        return a == null || b == null || a.equals(b);
    }

    private String normalVariant(String v) {
        if (v == null || v.isEmpty() || (architecture.equals("arm64") && v.equals("v8"))) {
            return null;
        }
        return v;
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null || variant.isEmpty() ? "" : "/" + variant);
    }
}
