package dev.bootcj.deploy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.bootcj.ImageException;
import dev.bootcj.spec.SpecMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * bootc's install configuration: {@code bootc/install/*.toml} drop-ins under {@code /usr/lib}, {@code /usr/local/lib},
 * {@code /etc} and {@code /run}, a later directory's file replacing an earlier one of the same name, then merged
 * in name order: scalars from later files win, {@code kargs} accumulate, a file whose
 * {@code match-architectures} excludes this host is ignored. Unknown keys are errors.
 * {@snippet lang=toml :
 * [install]
 * root-fs-type = "xfs"
 * kargs = ["nosmt"]
 * [install.filesystem.root]
 * type = "xfs"
 * }
 *
 * @param rootFsType the legacy {@code root-fs-type}
 * @param block allowed block setups, first is the default ({@code ["direct"]})
 * @param filesystemRootType {@code [install.filesystem.root] type}
 * @param kargs kernel arguments (accumulated)
 * @param matchArchitectures once merged, the list of the first file that applied (upstream prints it), or null
 */
public record InstallConfig(String rootFsType, List<String> block, String filesystemRootType, List<String> kargs,
        List<String> matchArchitectures) {

    /** The drop-in directories, lowest precedence first. */
    public static final List<String> DIRECTORIES =
            List.of("usr/lib/bootc/install", "usr/local/lib/bootc/install", "etc/bootc/install", "run/bootc/install");


    @JsonIgnoreProperties(ignoreUnknown = false)
    record Toplevel(@JsonProperty("install") Install install) {
    }

    record Install(@JsonProperty("root-fs-type") String rootFsType, @JsonProperty("block") List<String> block,
            @JsonProperty("filesystem") Filesystems filesystem, @JsonProperty("kargs") List<String> kargs,
            @JsonProperty("match-architectures") List<String> matchArchitectures) {
    }

    record Filesystems(@JsonProperty("root") RootFs root) {
    }

    record RootFs(@JsonProperty("type") String type) {
    }

    /** No configuration at all. */
    public static final InstallConfig NONE = new InstallConfig(null, null, null, null, null);

    /** Whether any file contributed. */
    public boolean present() {
        return !equals(NONE);
    }

    /** The root filesystem type after canonicalization ({@code filesystem.root.type} wins), or null. */
    public String rootFilesystem() {
        return filesystemRootType != null ? filesystemRootType : rootFsType;
    }

    /** Loads and merges the drop-ins under {@code root} (a running system or an image's tree). */
    public static InstallConfig load(Path root, String arch) throws ImageException, IOException {
        Map<String, Path> byName = new TreeMap<>();
        for (String dir : DIRECTORIES) {
            Path d = root.resolve(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> s = Files.list(d)) {
                s.filter(p -> p.getFileName().toString().endsWith(".toml"))
                        .forEach(p -> byName.put(p.getFileName().toString(), p));
            }
        }
        InstallConfig merged = NONE;
        for (var e : byName.entrySet()) {
            merged = merged.merge(parse(Files.readString(e.getValue()), e.getKey()), arch);
        }
        return merged;
    }

    /** Parses one drop-in. */
    public static InstallConfig parse(String text, String name) throws ImageException {
        Toplevel t;
        try {
            t = SpecMapper.toml().readValue(text, Toplevel.class);
        } catch (IOException e) {
            String m = e.getMessage() == null ? "invalid TOML" : e.getMessage().lines().findFirst().orElse("");
            throw new ImageException("Parsing install configuration " + name + ": " + m, e);
        }
        if (t == null || t.install() == null) {
            return NONE;
        }
        Install i = t.install();
        String rootType = i.filesystem() == null || i.filesystem().root() == null ? null : i.filesystem().root().type();
        for (String fs : new String[] {i.rootFsType(), rootType}) {
            if (fs != null && !List.of("xfs", "ext4", "btrfs").contains(fs)) {
                throw new ImageException("Parsing install configuration " + name + ": unknown filesystem '" + fs
                        + "' (expected xfs, ext4 or btrfs)");
            }
        }
        return new InstallConfig(i.rootFsType(), i.block(), rootType, i.kargs(), i.matchArchitectures());
    }

    /** {@code other} merged over this one (if it matches {@code arch}). */
    public InstallConfig merge(InstallConfig other, String arch) {
        if (other.matchArchitectures() != null && !other.matchArchitectures().contains(arch)) {
            return this;
        }
        List<String> k = kargs;
        if (other.kargs() != null) {
            k = new ArrayList<>(kargs == null ? List.of() : kargs);
            k.addAll(other.kargs());
        }
        return new InstallConfig(
                other.rootFsType() != null ? other.rootFsType() : rootFsType,
                other.block() != null ? other.block() : block,
                other.filesystemRootType() != null ? other.filesystemRootType() : filesystemRootType,
                k == null ? null : List.copyOf(k), present() ? matchArchitectures : other.matchArchitectures());
    }

    /** The JSON of {@code bootc install print-configuration}: the merged configuration without kargs. */
    public String printConfiguration() throws IOException {
        if (!present()) {
            // no file at all: upstream prints its empty default, every field null
            Map<String, Object> none = new java.util.LinkedHashMap<>();
            for (String key : List.of("root-fs-type", "block", "filesystem", "match-architectures")) {
                none.put(key, null);
            }
            return SpecMapper.json().writeValueAsString(none);
        }
        String fs = rootFilesystem();
        Printed p = new Printed(fs, block == null ? List.of("direct") : block,
                fs == null ? null : new Filesystems(new RootFs(fs)), matchArchitectures);
        return SpecMapper.json().writeValueAsString(p);
    }

    @JsonPropertyOrder({"root-fs-type", "block", "filesystem", "match-architectures"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Printed(@JsonProperty("root-fs-type") String rootFsType, @JsonProperty("block") List<String> block,
            @JsonProperty("filesystem") Filesystems filesystem,
            @JsonProperty("match-architectures") List<String> matchArchitectures) {
    }
}
