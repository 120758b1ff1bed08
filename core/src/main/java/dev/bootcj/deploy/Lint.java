package dev.bootcj.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.bootcj.BootcException;
import dev.bootcj.ImageException;
import dev.bootcj.glib.KeyFiles;
import dev.bootcj.spec.SpecMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bootc container lint}: cheap static checks of a container image's root file system, run as a build
 * step. Each check is fatal or a warning; some only make sense on the running root or on another tree.
 * {@snippet :
 * Lint.Report r = Lint.run(Path.of("/"), Lint.RootType.RUNNING, Set.of("var-log"));
 * System.out.print(Lint.render(r));
 * r.failure(false).ifPresent(msg -> { throw new IllegalStateException(msg); });
 * }
 * A check that cannot even run (an unreadable directory, a kargs.d file that does not parse, two kernels)
 * stops the run: {@link Report#runtimeError()} says which and why, as upstream bootc does.
 */
public final class Lint {
    private static final Logger log = LoggerFactory.getLogger(Lint.class);

    /** Where bootc's own base image documents its expected root content; checked too when present. */
    static final String BASEIMAGE_REF = "usr/share/doc/bootc/baseimage/base";
    /** The prepare-root configuration, under {@code etc} or {@code usr/lib}. */
    static final String PREPARE_ROOT_CONF = "ostree/prepare-root.conf";

    /** How bad a failing check is. */
    public enum Level {
        /** The system will not install or is sure to break at runtime. */
        FATAL,
        /** Probably unwanted; fatal only with {@code --fatal-warnings}. */
        WARNING;

        @JsonValue
        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What is being linted. */
    public enum RootType {
        /** The root of the running container ({@code --rootfs /}). */
        RUNNING,
        /** Some other tree. */
        ALTERNATIVE;

        @JsonValue
        String wire() {
            return this == RUNNING ? "Running" : "Alternative";
        }
    }

    /**
     * One check.
     *
     * @param name the name {@code --skip} takes
     * @param level fatal or warning
     * @param description what it looks for
     * @param rootType the only kind of root it runs on, or null for both
     */
    @JsonPropertyOrder({"name", "type", "description", "root-type"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Check(@JsonProperty("name") String name, @JsonProperty("type") Level level,
            @JsonProperty("description") String description, @JsonProperty("root-type") RootType rootType) {
    }

    /**
     * A check that failed.
     *
     * @param name the check
     * @param level its level
     * @param message what is wrong
     */
    public record Finding(String name, Level level, String message) {
    }

    /**
     * The outcome of a run.
     *
     * @param findings failed checks in run order
     * @param passed checks that passed
     * @param skipped checks skipped by name or by root type
     * @param runtimeError why the run stopped early, or null when every check ran
     */
    public record Report(List<Finding> findings, int passed, int skipped, String runtimeError) {
        public Report {
            findings = List.copyOf(findings);
        }

        /** Failed warning-level checks. */
        public int warnings() {
            return (int) findings.stream().filter(f -> f.level() == Level.WARNING).count();
        }

        /** Failed fatal checks. */
        public int fatal() {
            return (int) findings.stream().filter(f -> f.level() == Level.FATAL).count();
        }

        /**
         * The error the command ends with, if any: the runtime error, or {@code Checks failed: N} counting fatal
         * findings (and warnings when {@code fatalWarnings}).
         */
        public Optional<String> failure(boolean fatalWarnings) {
            if (runtimeError != null) {
                return Optional.of("Linting: " + runtimeError);
            }
            int failed = fatal() + (fatalWarnings ? warnings() : 0);
            return failed > 0 ? Optional.of("Linting: Checks failed: " + failed) : Optional.empty();
        }
    }

    @FunctionalInterface
    private interface Body {
        /** Null when the check passes, else what is wrong; throws when the check cannot run. */
        String check(RootedFs root) throws IOException, BootcException;
    }

    private record Entry(Check check, Body body) {
    }

    private static final List<Entry> ENTRIES = List.of(
            fatal("var-run", "/var/run must be a symbolic link (to /run), never a real directory.", null,
                    Lint::varRun),
            warning("buildah-injected", "/etc/hostname or /etc/resolv.conf is an empty file, as container build"
                    + " tools leave behind.", RootType.ALTERNATIVE, Lint::buildahInjected),
            fatal("etc-usretc", "An image has /etc only: /usr/etc is where bootc keeps the default /etc itself, and"
                    + " having both is undefined.", null, Lint::etcUsrEtc),
            fatal("bootc-kargs", "The files of /usr/lib/bootc/kargs.d parse.", null, Lint::kargs),
            fatal("kernel", "At most one kernel: a single /usr/lib/modules/$kver with a vmlinuz.", null,
                    Lint::kernel),
            fatal("utf8", "Every file name and symbolic link target is UTF-8 (the ostree backend needs it).", null,
                    Lint::utf8),
            warning("baseimage-composefs", "ostree's prepare-root.conf enables composefs"
                    + " (https://ostreedev.github.io/ostree/composefs/).", null, Lint::composefs),
            fatal("baseimage-root", "The root has /sysroot and the /ostree -> sysroot/ostree link bootc images"
                    + " need.", null, Lint::baseimageRoot),
            warning("var-log", "/var/log holds no non-empty regular files: logs are per-machine state, make builds"
                    + " unreproducible and may leak build details.", null, Lint::varLog),
            warning("var-tmpfiles", "Everything in /var has a systemd tmpfiles.d entry: /var content of an image"
                    + " is only applied at first install, tmpfiles.d applies at every boot.", RootType.RUNNING,
                    Lint::varTmpfiles),
            warning("sysusers", "Every user of /etc/passwd and group of /etc/group has a systemd sysusers.d entry,"
                    + " so it also exists on machines whose /etc was changed locally.", null, Lint::sysusers),
            warning("nonempty-boot", "/boot exists and is empty: kernels belong in /usr/lib/modules, and /boot of"
                    + " the image is hidden at runtime.", null, Lint::nonemptyBoot));

    private Lint() {
    }

    private static Entry fatal(String name, String description, RootType rootType, Body body) {
        return new Entry(new Check(name, Level.FATAL, description, rootType), body);
    }

    private static Entry warning(String name, String description, RootType rootType, Body body) {
        return new Entry(new Check(name, Level.WARNING, description, rootType), body);
    }

    /** Every check, in the order they run. */
    public static List<Check> checks() {
        return ENTRIES.stream().map(Entry::check).toList();
    }

    /** {@code --list}: the checks as YAML (not a stable format). */
    public static String list() {
        try {
            return SpecMapper.lintYaml().writeValueAsString(checks());
        } catch (JsonProcessingException e) {
            throw new AssertionError("checks always serialize", e);
        }
    }

    /**
     * Runs every check on the tree at {@code root} except those named in {@code skip} and those for the other
     * root type. Unknown names in {@code skip} are ignored.
     *
     * @throws IOException when {@code root} is not a directory
     */
    public static Report run(Path root, RootType rootType, Collection<String> skip) throws IOException {
        BasicFileAttributes a = Files.readAttributes(root, BasicFileAttributes.class);
        if (!a.isDirectory()) {
            throw new NotDirectoryException(root.toString());
        }
        RootedFs fs = new RootedFs(root);
        Set<String> skipped = Set.copyOf(skip);
        List<Finding> findings = new ArrayList<>();
        int passed = 0;
        int skippedCount = 0;
        for (Entry e : ENTRIES) {
            Check c = e.check();
            if (skipped.contains(c.name()) || c.rootType() != null && c.rootType() != rootType) {
                skippedCount++;
                continue;
            }
            String message;
            try {
                message = e.body().check(fs);
            } catch (IOException x) {
                return new Report(findings, passed, skippedCount,
                        "Unexpected runtime error running lint " + c.name() + ": " + RootedFs.describe(x));
            } catch (BootcException x) {
                return new Report(findings, passed, skippedCount,
                        "Unexpected runtime error running lint " + c.name() + ": " + x.getMessage());
            }
            if (message == null) {
                log.debug("lint {} passed", c.name());
                passed++;
            } else {
                findings.add(new Finding(c.name(), c.level(), message));
            }
        }
        return new Report(findings, passed, skippedCount, null);
    }

    /**
     * What the command prints: {@code Failed lint: NAME: MSG} or {@code Lint warning: NAME: MSG} per finding,
     * then {@code Checks passed: N}, {@code Checks skipped: N} and {@code Warnings: N} (the last two only when
     * not zero). A run stopped by a runtime error prints its findings only.
     */
    public static String render(Report report) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : report.findings()) {
            sb.append(f.level() == Level.FATAL ? "Failed lint: " : "Lint warning: ")
                    .append(f.name()).append(": ").append(f.message()).append('\n');
        }
        if (report.runtimeError() != null) {
            return sb.toString();
        }
        sb.append("Checks passed: ").append(report.passed()).append('\n');
        if (report.skipped() > 0) {
            sb.append("Checks skipped: ").append(report.skipped()).append('\n');
        }
        if (report.warnings() > 0) {
            sb.append("Warnings: ").append(report.warnings()).append('\n');
        }
        return sb.toString();
    }

    // ---- the checks ----

    private static String varRun(RootedFs root) throws IOException {
        BasicFileAttributes a = root.lstat("var/run");
        return a != null && !a.isSymbolicLink() ? "Not a symlink: var/run" : null;
    }

    private static String buildahInjected(RootedFs root) throws IOException {
        for (String f : List.of("etc/hostname", "etc/resolv.conf")) {
            BasicFileAttributes a = root.lstat(f);
            if (a != null && a.isRegularFile() && a.size() == 0) {
                return "/" + f + " is an empty file; this may have been synthesized by a container runtime.";
            }
        }
        return null;
    }

    private static String etcUsrEtc(RootedFs root) throws IOException {
        if (root.lstat("etc") == null) {
            return null;
        }
        return root.lstat("usr/etc") != null
                ? "Found /usr/etc - this is a bootc implementation detail and not supported to use in containers"
                : null;
    }

    private static String kargs(RootedFs root) throws IOException, ImageException {
        Path dir = root.directory(KargsD.PATH);
        if (dir == null) {
            return null;
        }
        List<Path> files = new ArrayList<>(RootedFs.list(dir));
        files.sort(null);
        List<String> kargs = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(".toml")) {
                kargs.addAll(KargsD.parse(Files.readString(f), name, KargsD.hostArchitecture()));
            }
        }
        log.debug("kargs.d: {}", kargs);
        return null;
    }

    private static String kernel(RootedFs root) throws IOException, ImageException {
        String modules = "usr/lib/modules";
        Path dir = root.directory(modules);
        if (dir == null) {
            return null;
        }
        String found = null;
        for (Path p : RootedFs.list(dir)) {
            BasicFileAttributes a = RootedFs.lstat(p);
            byte[] name = RootedFs.rawName(p);
            if (a == null || !a.isDirectory() || !RustText.isUtf8(name)) {
                continue;
            }
            String kver = new String(name, StandardCharsets.UTF_8);
            if (root.resolve(modules + "/" + kver + "/vmlinuz", true) == null) {
                continue;
            }
            if (found != null) {
                throw new ImageException("Found multiple subdirectories in " + modules);
            }
            found = kver;
        }
        log.debug("kernel: {}", found);
        return null;
    }

    private static String utf8(RootedFs root) throws IOException {
        return utf8(root.root());
    }

    /** The first non-UTF-8 name or link target below {@code dir} (one file system), spelled as bootc does. */
    private static String utf8(Path dir) throws IOException {
        long dev = RootedFs.device(dir);
        for (Path p : RootedFs.list(dir)) {
            byte[] raw = RootedFs.rawName(p);
            if (!RustText.isUtf8(raw)) {
                return "/: Found non-utf8 filename " + RustText.debug(raw);
            }
            String name = new String(raw, StandardCharsets.UTF_8);
            BasicFileAttributes a = RootedFs.lstat(p);
            if (a == null) {
                continue;
            }
            if (a.isSymbolicLink()) {
                if (!RustText.isUtf8(RootedFs.rawPath(Files.readSymbolicLink(p)))) {
                    return "/" + name + ": Found non-utf8 symlink target";
                }
            } else if (a.isDirectory() && RootedFs.device(p) == dev) {
                String inner = utf8(p);
                if (inner != null) {
                    return "/" + name + inner;
                }
            }
        }
        return null;
    }

    private static String composefs(RootedFs root) throws IOException, BootcException {
        String e = composefsHere(root);
        if (e != null) {
            return e;
        }
        Path base = root.directory(BASEIMAGE_REF);
        return base == null ? null : composefsHere(new RootedFs(base));
    }

    private static String composefsHere(RootedFs root) throws IOException, BootcException {
        Map<String, Map<String, String>> conf = prepareRootConfig(root);
        if (conf == null) {
            return PREPARE_ROOT_CONF + " is not present to enable composefs";
        }
        return overlayfsEnabled(conf) ? null : PREPARE_ROOT_CONF + " does not have composefs enabled";
    }

    /** {@code /etc/ostree/prepare-root.conf}, else the {@code /usr/lib} one, parsed; null if neither exists. */
    static Map<String, Map<String, String>> prepareRootConfig(RootedFs root) throws IOException, BootcException {
        for (String dir : List.of("etc", "usr/lib")) {
            String path = dir + "/" + PREPARE_ROOT_CONF;
            byte[] content = root.read(path);
            if (content == null) {
                continue;
            }
            if (!RustText.isUtf8(content)) {
                throw new ImageException("Parsing " + path + ": stream did not contain valid UTF-8");
            }
            return KeyFiles.parse(new String(content, StandardCharsets.UTF_8), path);
        }
        return null;
    }

    /** Whether the root is an overlay: {@code [root] transient}, or composefs enabled, signed or "maybe". */
    static boolean overlayfsEnabled(Map<String, Map<String, String>> conf) throws ImageException {
        String transientValue = conf.getOrDefault("root", Map.of()).get("transient");
        boolean rootTransient = false;
        if (transientValue != null) {
            rootTransient = switch (transientValue.strip()) {
                case "true", "1" -> true;
                case "false", "0" -> false;
                default -> throw new ImageException("Key file contains key “transient” in group “root” which has a"
                        + " value that cannot be interpreted.");
            };
        }
        String composefs = conf.getOrDefault("composefs", Map.of()).get("enabled");
        boolean enabled = false;
        if (composefs != null) {
            enabled = switch (composefs.strip()) {
                case "signed", "yes", "true", "1", "maybe" -> true;
                case "no", "false", "0" -> false;
                default -> {
                    log.warn("Invalid composefs.enabled value in {}: {}", PREPARE_ROOT_CONF, composefs);
                    yield false;
                }
            };
        }
        return rootTransient || enabled;
    }

    private static String baseimageRoot(RootedFs root) throws IOException {
        String e = baseimageRootHere(root);
        if (e != null) {
            return e;
        }
        Path base = root.directory(BASEIMAGE_REF);
        return base == null ? null : baseimageRootHere(new RootedFs(base));
    }

    private static String baseimageRootHere(RootedFs root) throws IOException {
        BasicFileAttributes sysroot = root.lstat("sysroot");
        if (sysroot == null) {
            return "Missing /sysroot";
        }
        if (!sysroot.isDirectory()) {
            return "Expected a directory for /sysroot";
        }
        BasicFileAttributes ostree = root.lstat("ostree");
        if (ostree == null) {
            return "Missing ostree -> sysroot/ostree link";
        }
        if (!ostree.isSymbolicLink()) {
            return "/ostree should be a symlink";
        }
        byte[] target = RootedFs.rawPath(Files.readSymbolicLink(root.resolve("ostree", false)));
        byte[] expected = "sysroot/ostree".getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(target, expected)) {
            return "Expected /ostree -> sysroot/ostree, not " + RustText.debug(target);
        }
        return null;
    }

    private static String varLog(RootedFs root) throws IOException, ImageException {
        Path dir = root.directory("var/log");
        if (dir == null) {
            return null;
        }
        SortedSet<String> found = new TreeSet<>();
        nonEmptyFiles(dir, "/var/log", found);
        if (found.isEmpty()) {
            return null;
        }
        return "Found non-empty logfile: " + found.first() + andMore(found.size() - 1);
    }

    private static void nonEmptyFiles(Path dir, String prefix, SortedSet<String> out)
            throws IOException, ImageException {
        for (Path p : RootedFs.list(dir)) {
            byte[] raw = RootedFs.rawName(p);
            if (!RustText.isUtf8(raw)) {
                throw new ImageException(prefix + "/" + RustText.debug(raw) + ": invalid UTF-8 file name");
            }
            String path = prefix + "/" + new String(raw, StandardCharsets.UTF_8);
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isRegularFile() && a.size() > 0) {
                out.add(path);
            } else if (a.isDirectory()) {
                nonEmptyFiles(p, path, out);
            }
        }
    }

    private static String varTmpfiles(RootedFs root) throws IOException, ImageException {
        Tmpfiles.Missing r = Tmpfiles.find(root);
        if (r.missing().isEmpty() && r.unsupported().isEmpty()) {
            return null;
        }
        StringBuilder msg = new StringBuilder();
        sample(msg, "Found content in /var missing systemd tmpfiles.d entries:", r.missing());
        sample(msg, "Found non-directory/non-symlink files in /var:",
                r.unsupported().stream().map(RustText::shellQuoted).toList());
        return msg.toString();
    }

    private static String sysusers(RootedFs root) throws IOException, ImageException {
        Sysusers.Analysis r = Sysusers.analyze(root);
        if (r.isEmpty()) {
            return null;
        }
        StringBuilder msg = new StringBuilder();
        sample(msg, "Found /etc/passwd entry without corresponding systemd sysusers.d:", r.missingUsers());
        sample(msg, "Found /etc/group entry without corresponding systemd sysusers.d:", r.missingGroups());
        return msg.toString();
    }

    /** A heading and up to five items, two-space indented, then how many more; nothing when empty. */
    private static void sample(StringBuilder msg, String heading, Collection<String> items) {
        if (items.isEmpty()) {
            return;
        }
        msg.append(heading).append('\n');
        Iterator<String> it = items.iterator();
        for (int i = 0; i < 5 && it.hasNext(); i++) {
            msg.append("  ").append(it.next()).append('\n');
        }
        if (items.size() > 5) {
            msg.append("  ...and ").append(items.size() - 5).append(" more\n");
        }
    }

    private static String nonemptyBoot(RootedFs root) throws IOException {
        Path boot = root.directory("boot");
        if (boot == null) {
            return "Missing /boot directory";
        }
        List<Path> entries = RootedFs.list(boot);
        if (entries.isEmpty()) {
            return null;
        }
        return "Found non-empty /boot: " + RustText.debug(RootedFs.rawName(entries.getFirst()))
                + andMore(entries.size() - 1);
    }

    private static String andMore(int others) {
        return others > 0 ? " (and " + others + " more)" : "";
    }
}
