package dev.bootcj.ostree;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.bootcj.GLibException;
import dev.bootcj.glib.Cancellation;
import dev.bootcj.glib.GCollections;
import dev.bootcj.glib.GErrors;
import dev.bootcj.glib.GFiles;
import dev.bootcj.glib.GObjects;
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

    /** Set by the launcher after {@code unshare -m} on a booted host. */
    public static final String UNSHARED_ENV = "_BOOTC_UNSHARED";

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
        if (System.getenv(UNSHARED_ENV) != null) {
            // The launcher re-executed us in a private mount namespace (as bootc does): libostree may then
            // remount the read-only /sysroot writable for us without the change being visible outside.
            LibOstree.ostree_sysroot_set_mount_namespace_in_use(s.get());
        }
        try {
            sysroot.load();
        } catch (GLibException e) {
            sysroot.close();
            throw e;
        }
        return sysroot;
    }

    /**
     * Lays out a new sysroot at {@code path} ({@code ostree admin init-fs}: {@code boot}, {@code ostree/repo} in
     * bare mode, {@code ostree/deploy}) if it is not one yet, and opens it.
     */
    public static OstreeSysroot initialize(Path path) throws GLibException, NotASysrootException, java.io.IOException {
        Files.createDirectories(path.resolve("boot"));
        try (Owned file = GFiles.forPath(path);
                Owned s = Owned.gobject(LibOstree.ostree_sysroot_new(file.get()), "OstreeSysroot " + path);
                Arena arena = Arena.ofConfined()) {
            MemorySegment error = GErrors.slot(arena);
            GErrors.check(LibOstree.ostree_sysroot_ensure_initialized(s.get(), MemorySegment.NULL, error), error,
                    "initializing sysroot " + path);
        }
        return open(path);
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
        return OstreeRepo.borrowed(LibOstree.ostree_sysroot_repo(sysroot.get()), path.resolve("ostree/repo"));
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

    /** The deployment a new one merges {@code /etc} and kernel arguments from (booted, else first of os). */
    public Optional<Deployment> mergeDeployment(String osname) throws GLibException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment merge = LibOstree.ostree_sysroot_get_merge_deployment(sysroot.get(), arena.allocateFrom(osname));
            if (merge.equals(MemorySegment.NULL)) {
                return Optional.empty();
            }
            try {
                String id = nativeId(merge);
                return deployments().stream().filter(d -> d.id().equals(id)).findFirst();
            } finally {
                GObjects.unref(merge);
            }
        }
    }

    /** Creates stateroot {@code osname} ({@code ostree admin os-init}) if missing. */
    public void initOsname(String osname) throws GLibException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment error = GErrors.slot(arena);
            GErrors.check(LibOstree.ostree_sysroot_init_osname(sysroot.get(), arena.allocateFrom(osname),
                    MemorySegment.NULL, error), error, "initializing stateroot " + osname + " in " + path);
        }
        load();
    }

    /**
     * Deploys {@code commit} as the new default of {@code osname} right away (an offline sysroot: no staging),
     * merging {@code /etc} from the merge deployment, with exactly {@code kernelArguments}, then writes the
     * boot entries. Keeps the merge deployment (as rollback) and pinned ones; older ones are removed.
     */
    public Deployment deploy(String osname, String commit, Map<String, Map<String, String>> origin,
            List<String> kernelArguments) throws GLibException {
        try (Arena arena = Arena.ofConfined(); Owned originFile = KeyFiles.create(origin);
                Cancellation cancel = Cancellation.forCurrentThread()) {
            MemorySegment os = arena.allocateFrom(osname);
            MemorySegment merge = LibOstree.ostree_sysroot_get_merge_deployment(sysroot.get(), os);
            try {
                MemorySegment opts = deployOpts(arena, kernelArguments);
                MemorySegment out = arena.allocate(ADDRESS);
                MemorySegment error = GErrors.slot(arena);
                GErrors.check(LibOstree.ostree_sysroot_deploy_tree_with_options(sysroot.get(), os,
                        arena.allocateFrom(commit), originFile.get(), merge, opts, out, cancel.pointer(), error),
                        error, "deploying " + commit + " to " + path);
                MemorySegment created = out.get(ADDRESS, 0);
                try {
                    String id = nativeId(created);
                    GErrors.check(LibOstree.ostree_sysroot_simple_write_deployment(sysroot.get(), os, created, merge,
                            0, cancel.pointer(), error), error, "writing deployment " + id + " of " + path);
                    return find(id);
                } finally {
                    GObjects.unref(created);
                }
            } finally {
                if (!merge.equals(MemorySegment.NULL)) {
                    GObjects.unref(merge);
                }
            }
        }
    }

    /**
     * Stages {@code commit} for the next boot of a booted system; libostree finalizes it (3-way {@code /etc}
     * merge, boot entries) at shutdown. Replaces a previously staged deployment.
     */
    public Deployment stage(String osname, String commit, Map<String, Map<String, String>> origin,
            List<String> kernelArguments) throws GLibException {
        try (Arena arena = Arena.ofConfined(); Owned originFile = KeyFiles.create(origin);
                Cancellation cancel = Cancellation.forCurrentThread()) {
            MemorySegment os = arena.allocateFrom(osname);
            MemorySegment merge = LibOstree.ostree_sysroot_get_merge_deployment(sysroot.get(), os);
            try {
                MemorySegment out = arena.allocate(ADDRESS);
                MemorySegment error = GErrors.slot(arena);
                GErrors.check(LibOstree.ostree_sysroot_stage_tree_with_options(sysroot.get(), os,
                        arena.allocateFrom(commit), originFile.get(), merge, deployOpts(arena, kernelArguments), out,
                        cancel.pointer(), error), error, "staging " + commit + " in " + path);
                MemorySegment created = out.get(ADDRESS, 0);
                String id = nativeId(created);
                GObjects.unref(created);
                load();
                return find(id);
            } finally {
                if (!merge.equals(MemorySegment.NULL)) {
                    GObjects.unref(merge);
                }
            }
        }
    }

    /**
     * Writes the boot order: {@code order} lists deployments (snapshots from {@link #deployments()}) first to
     * last. A staged deployment not at the head is discarded; deployments left out are removed.
     */
    public void writeDeployments(List<Deployment> order) throws GLibException {
        MemorySegment array = LibOstree.ostree_sysroot_get_deployments(sysroot.get());
        try (Arena arena = Arena.ofConfined(); Cancellation cancel = Cancellation.forCurrentThread()) {
            Map<String, MemorySegment> byId = new java.util.HashMap<>();
            for (MemorySegment d : GCollections.elements(array)) {
                byId.put(nativeId(d), d);
            }
            List<MemorySegment> natives = new ArrayList<>();
            for (Deployment d : order) {
                MemorySegment n = byId.get(d.id());
                if (n == null) {
                    throw new IllegalArgumentException("deployment " + d.id() + " is not in " + path);
                }
                natives.add(n);
            }
            MemorySegment opts = arena.allocate(Structs.WRITE_DEPLOYMENTS_OPTS);
            opts.set(JAVA_INT, Structs.offset(Structs.WRITE_DEPLOYMENTS_OPTS, "do_postclean"), 1);
            try (Owned list = GCollections.newPtrArray(natives)) {
                MemorySegment error = GErrors.slot(arena);
                GErrors.check(LibOstree.ostree_sysroot_write_deployments_with_options(sysroot.get(), list.get(), opts,
                        cancel.pointer(), error), error, "writing the deployment list of " + path);
            }
        } finally {
            GCollections.unrefPtrArray(array);
        }
        load();
    }

    /** Rewrites a deployment's origin file. */
    public void writeOrigin(Deployment deployment, Map<String, Map<String, String>> origin) throws GLibException {
        MemorySegment array = LibOstree.ostree_sysroot_get_deployments(sysroot.get());
        try (Arena arena = Arena.ofConfined(); Owned originFile = KeyFiles.create(origin)) {
            for (MemorySegment d : GCollections.elements(array)) {
                String id = nativeId(d);
                if (id.equals(deployment.id())) {
                    MemorySegment error = GErrors.slot(arena);
                    GErrors.check(LibOstree.ostree_sysroot_write_origin_file(sysroot.get(), d, originFile.get(),
                            MemorySegment.NULL, error), error, "writing the origin of " + id);
                    load();
                    return;
                }
            }
            throw new IllegalArgumentException("deployment " + deployment.id() + " is not in " + path);
        } finally {
            GCollections.unrefPtrArray(array);
        }
    }

    /** {@code ostree_sysroot_cleanup}: removes undeployed trees and old boot versions, prunes the repo. */
    public void cleanup() throws GLibException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment error = GErrors.slot(arena);
            GErrors.check(LibOstree.ostree_sysroot_cleanup(sysroot.get(), MemorySegment.NULL, error), error,
                    "cleaning up " + path);
        }
    }

    /** {@code <checksum>.<serial>} of a native deployment. */
    private static String nativeId(MemorySegment deployment) {
        return GStrings.peek(LibOstree.ostree_deployment_get_csum(deployment)) + "."
                + LibOstree.ostree_deployment_get_deployserial(deployment);
    }

    private Deployment find(String id) throws GLibException {
        return deployments().stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("deployment " + id + " vanished from " + path));
    }

    private static MemorySegment deployOpts(Arena arena, List<String> kernelArguments) {
        MemorySegment opts = arena.allocate(Structs.DEPLOY_TREE_OPTS);
        if (kernelArguments != null) {
            MemorySegment argv = arena.allocate(ADDRESS, kernelArguments.size() + 1L);
            for (int i = 0; i < kernelArguments.size(); i++) {
                argv.setAtIndex(ADDRESS, i, arena.allocateFrom(kernelArguments.get(i)));
            }
            opts.set(ADDRESS, Structs.DEPLOY_TREE_OPTS_OVERRIDE_KERNEL_ARGV, argv);
        }
        return opts;
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
