package dev.bootcj.deploy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bootcj.ImageException;
import dev.bootcj.spec.SpecMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Kernel arguments an image ships in {@code /usr/lib/bootc/kargs.d/*.toml}: {@code kargs = [...]} and an
 * optional {@code match-architectures = [...]} of Rust architecture names; other keys are errors. Files are
 * read in name order; only {@code .toml} files count.
 */
public final class KargsD {
    /** Where images keep them, relative to the root. */
    public static final String PATH = "usr/lib/bootc/kargs.d";

    private KargsD() {
    }

    /**
     * One file.
     *
     * @param kargs the arguments
     * @param matchArchitectures the architectures it applies to, or null for all
     */
    record File(List<String> kargs, List<String> matchArchitectures) {
        @JsonCreator
        File(@JsonProperty(value = "kargs", required = true) List<String> kargs,
                @JsonProperty("match-architectures") List<String> matchArchitectures) {
            this.kargs = List.copyOf(kargs);
            this.matchArchitectures = matchArchitectures == null ? null : List.copyOf(matchArchitectures);
        }
    }

    /** The host's architecture as Rust names it ({@code x86_64}, {@code aarch64}, ...). */
    public static String hostArchitecture() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "ppc64le", "ppc64" -> "powerpc64";
            case "s390x" -> "s390x";
            default -> System.getProperty("os.arch");
        };
    }

    /** Parses one file's text; {@code name} is for messages. */
    public static List<String> parse(String text, String name, String arch) throws ImageException {
        File f;
        try {
            f = SpecMapper.toml().readValue(text, File.class);
        } catch (IOException e) {
            throw new ImageException("Parsing " + name + ": " + firstLine(e.getMessage()), e);
        }
        if (f.matchArchitectures() != null && !f.matchArchitectures().contains(arch)) {
            return List.of();
        }
        return f.kargs();
    }

    /** The arguments of the kargs.d directory under {@code root}, or empty if there is none. */
    public static List<String> read(Path root, String arch) throws ImageException, IOException {
        Path dir = root.resolve(PATH);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".toml")).sorted().toList();
        }
        for (Path f : files) {
            out.addAll(parse(Files.readString(f), PATH + "/" + f.getFileName(), arch));
        }
        return out;
    }

    /**
     * The arguments of a new deployment: the merge deployment's arguments ({@code ostree=} dropped, libostree
     * adds its own), minus arguments only the old image's kargs.d had, plus arguments only the new one has.
     * Arguments set on the machine (install {@code --karg}, hand edits) are kept.
     */
    public static List<String> apply(String mergeOptions, List<String> oldImage, List<String> newImage) {
        List<String> out = new ArrayList<>();
        if (mergeOptions != null) {
            for (String a : mergeOptions.trim().split("\\s+")) {
                if (!a.isEmpty() && !a.startsWith("ostree=")) {
                    out.add(a);
                }
            }
        }
        out.removeIf(a -> oldImage.contains(a) && !newImage.contains(a));
        for (String a : newImage) {
            if (!oldImage.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid TOML";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
