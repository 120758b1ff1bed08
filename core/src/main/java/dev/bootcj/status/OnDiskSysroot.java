package dev.bootcj.status;

import dev.bootcj.BootcException;
import dev.bootcj.SysrootException;
import dev.bootcj.glib.GVariantCodec;
import dev.bootcj.spec.Host;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sysroot read from its files, as libostree 2022.7's {@code ostree_sysroot_load} reads it, without libostree:
 * <ol>
 * <li>the boot version from the {@code boot/loader} symlink ({@code loader.0} or {@code loader.1}; none means 0),
 * and the sub-boot version from {@code ostree/boot.N};</li>
 * <li>the boot entries {@code boot/loader.N/entries/ostree-*.conf}, newest {@code version} first
 * ({@code strverscmp}); each {@code options} line's {@code ostree=/ostree/boot.N/<os>/<bootcsum>/<serial>} is a
 * symlink to {@code ../../../deploy/<os>/deploy/<csum>.<serial>};</li>
 * <li>each deployment's {@code <csum>.<serial>.origin} key file (pinned: {@code [libostree-transient]
 * pinned=true});</li>
 * <li>on a booted host ({@code /run/ostree-booted} exists and the sysroot is {@code /}): the booted deployment is
 * the one whose directory is the same file as {@code /}, and a staged deployment is described by the {@code a{sv}}
 * in {@code /run/ostree/staged-deployment} (it comes first);</li>
 * <li>commit metadata from {@code ostree/repo/objects/xx/<rest>.commit}, detached metadata from {@code
 * .commitmeta}.</li>
 * </ol>
 * A file that is not what libostree writes fails with one line naming it.
 */
final class OnDiskSysroot {
    private static final Pattern BOOTLINK = Pattern.compile("^/ostree/boot.([01])/([^/]+)/([^/]+)/([0-9]+)$");
    private static final Pattern DEPLOY_NAME = Pattern.compile("^([0-9a-f]+)\\.([0-9]+)$");
    private static final int UNLOCKED_READS = 3;

    /**
     * Where the running system is seen from: its root directory and its {@code /run} (tests point both
     * elsewhere to see a sysroot as booted).
     */
    record Environment(Path root, Path run) {
        static final Environment SYSTEM = new Environment(Path.of("/"), Path.of("/run"));

        Path ostreeBooted() {
            return run.resolve("ostree-booted");
        }

        Path stagedDeployment() {
            return run.resolve("ostree/staged-deployment");
        }
    }

    private final Path path;
    private final Environment env;
    /** (device, inode) of the running system's root when it booted from this sysroot, else null. */
    private final Object rootKey;

    private OnDiskSysroot(Path path, Environment env, Object rootKey) {
        this.path = path;
        this.env = env;
        this.rootKey = rootKey;
    }

    /** {@link HostStatusReader#read(Path, Runnable)}: on a booted host, under the sysroot lock. */
    static Host status(Path path, Environment env, Runnable onWait)
            throws IOException, BootcException, InterruptedException {
        if (notBooted(path, env)) {
            return Host.empty();
        }
        OnDiskSysroot sysroot = open(path, env);
        if (!sysroot.booted()) {
            return sysroot.host();
        }
        Runnable once = new Runnable() {
            private boolean told;

            @Override
            public void run() {
                if (!told) {
                    told = true;
                    onWait.run();
                }
            }
        };
        Path lockFile = path.resolve("ostree/lock");
        for (int attempt = 1;; attempt++) {
            try (SysrootLock lock = SysrootLock.acquire(lockFile, once)) {
                if (lock.held()) {
                    return sysroot.host();
                }
                // The lock file cannot be created here (a read-only /sysroot) and no writer holds it: read, and
                // read again if a writer started meanwhile (it creates the lock file and bumps ostree/deploy).
                FileTime before = sysroot.deployMtime();
                try {
                    Host host = sysroot.host();
                    if (attempt >= UNLOCKED_READS || !sysroot.changed(lockFile, before)) {
                        return host;
                    }
                } catch (IOException | SysrootException e) {
                    if (attempt >= UNLOCKED_READS || !sysroot.changed(lockFile, before)) {
                        throw e;
                    }
                }
            }
        }
    }

    /** {@link HostStatusReader#readWithoutLock(Path)}. */
    static Host statusWithoutLock(Path path, Environment env) throws IOException, BootcException {
        if (notBooted(path, env)) {
            return Host.empty();
        }
        return open(path, env).host();
    }

    /** {@code /} on a host that is not ostree-booted. */
    private static boolean notBooted(Path path, Environment env) {
        return path.toAbsolutePath().normalize().equals(env.root()) && !Files.exists(env.ostreeBooted());
    }

    /** Checks that {@code path} is a sysroot and whether the running system booted from it. */
    static OnDiskSysroot open(Path path, Environment env) throws IOException, SysrootException {
        if (!Files.isDirectory(path)) {
            throw new SysrootException(path + " is not an ostree sysroot: no such directory");
        }
        if (!Files.isDirectory(path.resolve("ostree/repo")) || !Files.isDirectory(path.resolve("ostree/deploy"))) {
            throw new SysrootException(path + " is not an ostree sysroot: no ostree/repo and ostree/deploy in it");
        }
        // libostree: /run/ostree-booted exists and the sysroot is the same directory (device, inode) as "/".
        Object rootKey = null;
        if (Files.exists(env.ostreeBooted())) {
            Object key = Files.readAttributes(env.root(), BasicFileAttributes.class).fileKey();
            if (key != null && key.equals(Files.readAttributes(path, BasicFileAttributes.class).fileKey())) {
                rootKey = key;
            }
        }
        return new OnDiskSysroot(path, env, rootKey);
    }

    /** Whether the running system booted from this sysroot. */
    boolean booted() {
        return rootKey != null;
    }

    /** The status document. */
    Host host() throws IOException, SysrootException {
        return HostStatusReader.build(deployments(), booted(), new HostStatusReader.CommitSource<IOException>() {
            @Override
            public Map<String, Object> metadata(String checksum) throws IOException, SysrootException {
                Path file = object(checksum, "commit");
                Map<String, Object> metadata = gvariant(file, "commit object", GVariantCodec::commitMetadata);
                if (metadata == null) {
                    throw new SysrootException("No such metadata object " + checksum + ".commit (" + file + ")");
                }
                return metadata;
            }

            @Override
            public Map<String, Object> detachedMetadata(String checksum) throws IOException, SysrootException {
                Map<String, Object> detached = gvariant(object(checksum, "commitmeta"), "detached metadata",
                        GVariantCodec::vardict);
                return detached == null ? Map.of() : detached;
            }
        });
    }

    /** The deployment list: a staged deployment first, then the boot entries' deployments, newest first. */
    List<StatusDeployment> deployments() throws IOException, SysrootException {
        int bootversion = bootversion();
        subbootversion(bootversion);
        List<StatusDeployment> out = new ArrayList<>();
        boolean foundBooted = false;
        for (BootEntry entry : bootEntries(bootversion)) {
            StatusDeployment d = deployment(entry, booted() && !foundBooted);
            foundBooted |= d.booted();
            out.add(d);
        }
        if (booted() && !foundBooted) {
            throw new SysrootException(Files.exists(path.resolve("boot/loader"), LinkOption.NOFOLLOW_LINKS)
                    ? "Unexpected state: /run/ostree-booted found and in / sysroot, but bootloader entry not found"
                    : "Unexpected state: /run/ostree-booted found, but no /boot/loader directory");
        }
        StatusDeployment staged = booted() ? staged() : null;
        if (staged != null) {
            out.addFirst(staged);
        }
        List<StatusDeployment> indexed = new ArrayList<>(out.size());
        for (StatusDeployment d : out) {
            indexed.add(new StatusDeployment(indexed.size(), d.osname(), d.checksum(), d.deploySerial(), d.origin(),
                    d.pinned(), d.staged(), d.booted()));
        }
        return List.copyOf(indexed);
    }

    /** {@code boot/loader} → {@code loader.0} or {@code loader.1}; 0 without the link. */
    private int bootversion() throws IOException, SysrootException {
        Path link = path.resolve("boot/loader");
        if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        if (!Files.isSymbolicLink(link)) {
            throw new SysrootException(link + ": not a symbolic link");
        }
        return switch (Files.readSymbolicLink(link).toString()) {
            case "loader.0" -> 0;
            case "loader.1" -> 1;
            default -> throw new SysrootException(link + ": invalid target '" + Files.readSymbolicLink(link) + "'");
        };
    }

    /** {@code ostree/boot.N} → {@code boot.N.0} or {@code boot.N.1}; 0 without the link. */
    private int subbootversion(int bootversion) throws IOException, SysrootException {
        Path link = path.resolve("ostree/boot." + bootversion);
        if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        String target;
        try {
            target = Files.readSymbolicLink(link).toString();
        } catch (NotLinkException e) {
            throw new SysrootException(link + ": not a symbolic link", e);
        }
        if (target.endsWith(".0")) {
            return 0;
        }
        if (target.endsWith(".1")) {
            return 1;
        }
        throw new SysrootException(link + ": invalid target '" + target + "'");
    }

    /** A parsed boot entry: its file and its keys (a later line wins, extra {@code initrd} lines aside). */
    private record BootEntry(Path file, Map<String, String> keys) {
        String version() {
            return keys.get("version");
        }
    }

    /**
     * The regular files {@code ostree-*.conf} in {@code boot/loader.N/entries}, sorted as libostree sorts them:
     * by {@code version}, highest first ({@code strverscmp}), entries without a version last.
     */
    private List<BootEntry> bootEntries(int bootversion) throws IOException, SysrootException {
        Path dir = path.resolve("boot/loader." + bootversion + "/entries");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<BootEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.startsWith("ostree-") && name.endsWith(".conf") && Files.isRegularFile(f)) {
                    entries.add(new BootEntry(f, bootConfig(f)));
                }
            }
        }
        // Not Comparator.comparing: its comparator is a serializable lambda, which the AOT cache cannot hold, so
        // every start would spin its class (about a tenth of `bootc status`).
        entries.sort((a, b) -> newestFirst(a.version(), b.version()));
        return entries;
    }

    /** libostree's boot entry order: higher {@code version} first, entries without one after. */
    private static int newestFirst(String a, String b) {
        if (a != null && b != null) {
            return -Strverscmp.compare(a, b);
        }
        if (a != null) {
            return -1;
        }
        return b != null ? 1 : 0;
    }

    /**
     * {@code ostree_bootconfig_parser_parse_at}: lines starting with a letter are a key, then a space or a tab,
     * then the value.
     */
    private static Map<String, String> bootConfig(Path file) throws IOException, SysrootException {
        Map<String, String> keys = new LinkedHashMap<>();
        boolean initrd = false;
        for (String line : utf8(file).split("\n", -1)) {
            if (line.isEmpty() || !isAsciiLetter(line.charAt(0))) {
                continue;
            }
            int sep = indexOfSpaceOrTab(line);
            if (sep < 0) {
                continue;
            }
            String key = line.substring(0, sep);
            String value = line.substring(sep + 1);
            if (key.equals("initrd") && initrd) {
                // An overlay initrd, named by its checksum.
                String base = value.substring(value.lastIndexOf('/') + 1);
                if (base.length() != 64 + ".img".length()) {
                    throw new SysrootException(file + ": malformed overlay initrd filename: " + base);
                }
                continue;
            }
            initrd |= key.equals("initrd");
            keys.put(key, value);
        }
        return keys;
    }

    /** The deployment a boot entry points to. */
    private StatusDeployment deployment(BootEntry boot, boolean lookForBooted) throws IOException, SysrootException {
        Path entry = boot.file();
        String options = boot.keys().get("options");
        String bootlink = null;
        if (options != null) {
            for (String opt : options.split(" ", -1)) {
                if (opt.startsWith("ostree=")) {
                    bootlink = opt.substring("ostree=".length());
                    break;
                }
            }
        }
        if (bootlink == null) {
            throw new SysrootException(entry + ": no ostree= kernel argument found");
        }
        Matcher m = BOOTLINK.matcher(bootlink);
        if (!m.matches()) {
            throw new SysrootException(entry + ": invalid ostree= argument '" + bootlink
                    + "', expected ostree=/ostree/boot.BOOTVERSION/OSNAME/BOOTCSUM/TREESERIAL");
        }
        String osname = m.group(2);
        Path link = path.resolve(bootlink.substring(1));
        String what = "deployment " + bootlink + " in stateroot '" + osname + "' (" + entry + ")";
        String target;
        try {
            target = Files.readSymbolicLink(link).toString();
        } catch (NotLinkException | NoSuchFileException e) {
            throw new SysrootException(what + ": " + link + " is not a symbolic link to a deployment", e);
        }
        String name = target.substring(target.lastIndexOf('/') + 1);
        Matcher n = DEPLOY_NAME.matcher(name);
        if (!n.matches()) {
            throw new SysrootException(what + ": invalid deploy name '" + name + "', expected CHECKSUM.TREESERIAL");
        }
        BasicFileAttributes dir;
        try {
            dir = Files.readAttributes(link, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new SysrootException(what + ": " + link + " points to a missing directory", e);
        }
        if (!dir.isDirectory()) {
            throw new SysrootException(what + ": " + link + " does not point to a directory");
        }
        boolean isBooted = lookForBooted && rootKey.equals(dir.fileKey());
        String checksum = n.group(1);
        int serial = serial(n.group(2));
        Map<String, Map<String, String>> origin = origin(osname, checksum, serial);
        return new StatusDeployment(-1, osname, checksum, serial, origin,
                KeyFile.booleanValue(origin, "libostree-transient", "pinned"), false, isBooted);
    }

    /** {@code ostree/deploy/<os>/deploy/<csum>.<serial>.origin}, empty if there is none. */
    private Map<String, Map<String, String>> origin(String osname, String checksum, int serial)
            throws IOException, SysrootException {
        Path file = path.resolve("ostree/deploy").resolve(osname).resolve("deploy")
                .resolve(checksum + "." + serial + ".origin");
        String text;
        try {
            text = utf8(file);
        } catch (NoSuchFileException e) {
            return Map.of();
        }
        try {
            return KeyFile.parse(text);
        } catch (KeyFile.SyntaxError e) {
            throw new SysrootException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The staged deployment of a booted host: {@code /run/ostree/staged-deployment} is an {@code a{sv}} whose
     * {@code target} ({@code a{sv}}) names it ({@code name} = {@code <csum>.<serial>}, {@code osname},
     * {@code bootcsum}). Null when there is none.
     */
    private StatusDeployment staged() throws IOException, SysrootException {
        Path file = env.stagedDeployment();
        Map<String, Object> record = gvariant(file, "staged deployment record", GVariantCodec::vardict);
        if (record == null) {
            return null;
        }
        if (!(record.get("target") instanceof Map<?, ?> target)) {
            return null;
        }
        String[] values = new String[3];
        String[] keys = {"name", "bootcsum", "osname"};
        for (int i = 0; i < keys.length; i++) {
            if (!(target.get(keys[i]) instanceof String s)) {
                throw new SysrootException(file + ": staged deployment target without " + keys[i]);
            }
            values[i] = s;
        }
        Matcher n = DEPLOY_NAME.matcher(values[0]);
        if (!n.matches()) {
            throw new SysrootException(file + ": invalid deploy name '" + values[0] + "', expected CHECKSUM.TREESERIAL");
        }
        String checksum = n.group(1);
        int serial = serial(n.group(2));
        Map<String, Map<String, String>> origin = origin(values[2], checksum, serial);
        return new StatusDeployment(0, values[2], checksum, serial, origin,
                KeyFile.booleanValue(origin, "libostree-transient", "pinned"), true, false);
    }

    /** A GVariant reading of a file's bytes. */
    private interface GVariantParser {
        Map<String, Object> parse(byte[] data) throws GVariantCodec.Malformed;
    }

    /**
     * The dictionary {@code parser} reads from {@code file}, or null if there is no such file; a corrupt one is a
     * {@link SysrootException} naming the file and {@code what} it is.
     */
    private static Map<String, Object> gvariant(Path file, String what, GVariantParser parser)
            throws IOException, SysrootException {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
        try {
            return parser.parse(data);
        } catch (GVariantCodec.Malformed e) {
            throw new SysrootException(file + ": corrupt " + what + ": " + e.getMessage(), e);
        }
    }

    /** A loose object {@code ostree/repo/objects/<2 hex>/<62 hex>.<suffix>}. */
    private Path object(String checksum, String suffix) throws SysrootException {
        if (checksum.length() < 3) {
            throw new SysrootException("Invalid checksum '" + checksum + "' of a deployment in " + path);
        }
        return path.resolve("ostree/repo/objects").resolve(checksum.substring(0, 2))
                .resolve(checksum.substring(2) + "." + suffix);
    }

    private FileTime deployMtime() throws IOException {
        return Files.getLastModifiedTime(path.resolve("ostree/deploy"));
    }

    /** Whether a writer took the lock or rewrote the deployment list since {@code before}. */
    private boolean changed(Path lockFile, FileTime before) throws IOException {
        return Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS) || !deployMtime().equals(before);
    }

    /** {@code g_ascii_strtoll} then a cast to {@code int}, as libostree does. */
    private static int serial(String digits) {
        long v;
        try {
            v = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            v = Long.MAX_VALUE;
        }
        return (int) v;
    }

    /** A file's text, which must be UTF-8 (libostree refuses anything else). */
    private static String utf8(Path file) throws IOException, SysrootException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SysrootException(file + ": invalid UTF-8", e);
        }
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int indexOfSpaceOrTab(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }
}
