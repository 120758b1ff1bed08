package dev.bootcj.ostree;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.bootcj.glib.GCollections;
import dev.bootcj.glib.GErrors;
import dev.bootcj.glib.GFiles;
import dev.bootcj.glib.GLibException;
import dev.bootcj.glib.GStrings;
import dev.bootcj.glib.KeyFiles;
import dev.bootcj.glib.Owned;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ostree sysroot ({@code OstreeSysroot}): the physical root holding {@code ostree/repo},
 * {@code ostree/deploy} and {@code boot}. Loaded on open; not thread-safe (confine to one thread).
 * {@snippet :
 * try (OstreeSysroot sysroot = OstreeSysroot.open(Path.of("/"))) {
 *     for (Deployment d : sysroot.deployments()) {
 *         System.out.println(d.id());
 *     }
 * }
 * }
 */
public final class OstreeSysroot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OstreeSysroot.class);

    private final Owned sysroot;
    private final Path path;
    private boolean locked;

    private OstreeSysroot(Owned sysroot, Path path) {
        this.sysroot = sysroot;
        this.path = path;
    }

    /**
     * Opens and loads the sysroot at {@code path}. Fails with a message naming the path if it is not a
     * directory or holds no {@code ostree/repo} and {@code ostree/deploy}.
     */
    public static OstreeSysroot open(Path path) throws GLibException, NotASysrootException {
        if (!Files.isDirectory(path)) {
            throw new NotASysrootException(path, "no such directory");
        }
        if (!Files.isDirectory(path.resolve("ostree/repo")) || !Files.isDirectory(path.resolve("ostree/deploy"))) {
            throw new NotASysrootException(path, "no ostree/repo and ostree/deploy in it");
        }
        Owned s;
        try (Owned file = GFiles.forPath(path)) {
            s = Owned.gobject(LibOstree.ostree_sysroot_new(file.get()), "OstreeSysroot " + path);
        }
        OstreeSysroot sysroot = new OstreeSysroot(s, path);
        try {
            sysroot.load();
        } catch (GLibException e) {
            sysroot.close();
            throw e;
        }
        return sysroot;
    }

    /** Re-reads the deployment list from disk. */
    public void load() throws GLibException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment error = GErrors.slot(arena);
            GErrors.check(LibOstree.ostree_sysroot_load(sysroot.get(), MemorySegment.NULL, error), error,
                    "loading sysroot " + path);
        }
    }

    /** The sysroot's path. */
    public Path path() {
        return path;
    }

    /** Whether the running system booted from this sysroot. */
    public boolean isBooted() {
        return LibOstree.ostree_sysroot_is_booted(sysroot.get()) != 0;
    }

    /** The sysroot's repository (a new reference; close it when done). */
    public OstreeRepo repo() {
        return OstreeRepo.borrowed(LibOstree.ostree_sysroot_repo(sysroot.get()), "repository " + path.resolve("ostree/repo"));
    }

    /** Takes the sysroot lock if free; false if another process holds it. */
    public boolean tryLock() throws GLibException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment error = GErrors.slot(arena);
            MemorySegment acquired = arena.allocate(JAVA_INT);
            GErrors.check(LibOstree.ostree_sysroot_try_lock(sysroot.get(), acquired, error), error,
                    "locking sysroot " + path);
            locked = acquired.get(JAVA_INT, 0) != 0;
            return locked;
        }
    }

    /**
     * Takes the sysroot lock, waiting for another holder; {@code onWait} runs once before the first wait
     * (bootc prints "Waiting for sysroot lock..."). Polls every {@code pollMillis}.
     */
    public void lock(Runnable onWait, long pollMillis) throws GLibException, InterruptedException {
        boolean told = false;
        while (!tryLock()) {
            if (!told) {
                onWait.run();
                told = true;
            }
            Thread.sleep(pollMillis);
        }
    }

    /** Releases the sysroot lock if held. */
    public void unlock() {
        if (locked) {
            LibOstree.ostree_sysroot_unlock(sysroot.get());
            locked = false;
        }
    }

    /** All deployments in boot order (a staged deployment first). */
    public List<Deployment> deployments() throws GLibException {
        MemorySegment array = LibOstree.ostree_sysroot_get_deployments(sysroot.get());
        MemorySegment booted = LibOstree.ostree_sysroot_get_booted_deployment(sysroot.get());
        try {
            List<Deployment> out = new ArrayList<>();
            for (MemorySegment d : GCollections.elements(array)) {
                out.add(snapshot(d, d.equals(booted)));
            }
            return List.copyOf(out);
        } finally {
            GCollections.unrefPtrArray(array);
        }
    }

    /** The booted deployment, if this sysroot is booted. */
    public Optional<Deployment> booted() throws GLibException {
        return deployments().stream().filter(Deployment::booted).findFirst();
    }

    /** The staged deployment, if any. */
    public Optional<Deployment> staged() throws GLibException {
        return deployments().stream().filter(Deployment::staged).findFirst();
    }

    /** {@code ostree/deploy/<os>/deploy/<csum>.<serial>} under the sysroot. */
    public Path deploymentDirectory(Deployment d) {
        return path.resolve("ostree/deploy").resolve(d.osname()).resolve("deploy").resolve(d.id());
    }

    private Deployment snapshot(MemorySegment d, boolean isBooted) throws GLibException {
        String csum = GStrings.peek(LibOstree.ostree_deployment_get_csum(d));
        int serial = LibOstree.ostree_deployment_get_deployserial(d);
        MemorySegment originFile = LibOstree.ostree_deployment_get_origin(d);
        Map<String, Map<String, String>> origin;
        try {
            origin = originFile.equals(MemorySegment.NULL) ? Map.of() : KeyFiles.read(originFile);
        } catch (GLibException e) {
            log.warn("unreadable origin of deployment {}.{}: {}", csum, serial, e.getMessage());
            throw e;
        }
        MemorySegment bootconfig = LibOstree.ostree_deployment_get_bootconfig(d);
        String options = null;
        if (!bootconfig.equals(MemorySegment.NULL)) {
            try (Arena arena = Arena.ofConfined()) {
                options = GStrings.peek(LibOstree.ostree_bootconfig_parser_get(bootconfig, arena.allocateFrom("options")));
            }
        }
        return new Deployment(
                LibOstree.ostree_deployment_get_index(d),
                GStrings.peek(LibOstree.ostree_deployment_get_osname(d)),
                csum, serial,
                GStrings.peek(LibOstree.ostree_deployment_get_bootcsum(d)),
                LibOstree.ostree_deployment_get_bootserial(d),
                origin, options,
                LibOstree.ostree_deployment_is_pinned(d) != 0,
                LibOstree.ostree_deployment_is_staged(d) != 0,
                isBooted);
    }

    @Override
    public void close() {
        unlock();
        sysroot.close();
    }
}
