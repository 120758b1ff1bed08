package dev.bootcj.status;

import dev.bootcj.BootcException;
import dev.bootcj.GLibException;
import dev.bootcj.ImageException;
import dev.bootcj.SysrootException;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.spec.BootEntry;
import dev.bootcj.spec.BootEntryOstree;
import dev.bootcj.spec.BootOrder;
import dev.bootcj.spec.Host;
import dev.bootcj.spec.HostSpec;
import dev.bootcj.spec.HostStatus;
import dev.bootcj.spec.HostType;
import dev.bootcj.spec.ImageReference;
import dev.bootcj.spec.ImageStatus;
import dev.bootcj.spec.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@code BootcHost} document of a sysroot, as bootc's {@code get_status} does.
 *
 * <p>On a booted sysroot the running deployment is {@code booted}. On an installed but not booted sysroot
 * (offline, {@code --sysroot DIR}) the deployment that boots next is shown as {@code booted} and the next
 * deployment of the same stateroot as {@code rollback}.
 *
 * <p>This is the one reader of the host document: {@code status}, the prompt and the deployment verbs (through
 * {@code BootcSysroot.status()}, under the lock they hold) all read the sysroot's files directly, the way
 * libostree's {@code ostree_sysroot_load} does, without loading libostree (a status command starts and ends
 * quickly). The tests check it against the same document built from libostree's view of the sysroot.
 * {@snippet :
 * Host host = HostStatusReader.read(Path.of("/"), () -> System.err.println("Waiting for sysroot lock..."));
 * }
 */
public final class HostStatusReader {
    /** The origin key naming the container image. */
    public static final String ORIGIN_CONTAINER = "container-image-reference";
    private static final Set<String> RPM_OSTREE_GROUPS = Set.of("rpmostree", "packages", "overrides", "modules");

    private HostStatusReader() {
    }

    /**
     * The status of the sysroot at {@code path}: {@code /} on a booted host (the null document when it is not
     * ostree-booted), or an installed sysroot for the offline view. Takes the sysroot lock on a booted host,
     * as bootc does; {@code onWait} runs if another process holds it.
     */
    public static Host read(Path path, Runnable onWait) throws IOException, BootcException, InterruptedException {
        return OnDiskSysroot.status(path, OnDiskSysroot.Environment.SYSTEM, onWait);
    }

    /**
     * Like {@link #read(Path, Runnable)} but never takes the sysroot lock: for the deployment verbs, which hold
     * it already (taking it again would wait for themselves), and for prompts and completion, which must not
     * block behind a running upgrade.
     */
    public static Host readWithoutLock(Path path) throws IOException, BootcException {
        return OnDiskSysroot.statusWithoutLock(path, OnDiskSysroot.Environment.SYSTEM);
    }

    /** Where {@link #build} finds the metadata of a deployment's commit. */
    interface CommitSource<E extends Exception> {
        /** The commit's metadata dictionary; fails if the commit is missing. */
        Map<String, Object> metadata(String checksum) throws E, SysrootException;

        /** The commit's detached metadata, empty if there is none. */
        Map<String, Object> detachedMetadata(String checksum) throws E, SysrootException;
    }

    /**
     * The document for a loaded deployment list ({@code sysrootBooted}: the running system booted from this
     * sysroot).
     */
    static <E extends Exception> Host build(List<StatusDeployment> all, boolean sysrootBooted,
            CommitSource<E> commits) throws E, SysrootException {
        StatusDeployment b = null;
        for (StatusDeployment d : all) {
            if (d.booted()) {
                b = d;
                break;
            }
        }
        if (b == null && !sysrootBooted) {
            for (StatusDeployment d : all) {
                if (!d.staged()) {
                    b = d;
                    break;
                }
            }
        }
        if (b == null) {
            return Host.empty();
        }
        List<StatusDeployment> related = new ArrayList<>();
        StatusDeployment staged = null;
        for (StatusDeployment d : all) {
            if (!d.osname().equals(b.osname())) {
                continue;
            }
            if (d.staged() && staged == null) {
                staged = d;
            } else if (!d.id().equals(b.id())) {
                related.add(d);
            }
        }
        StatusDeployment rollback = related.isEmpty() ? null : related.getFirst();
        boolean rollbackQueued = rollback != null && rollback.index() < b.index();

        BootEntry stagedEntry = staged == null ? null : entry(commits, staged, "Staged deployment");
        BootEntry bootedEntry = entry(commits, b, "Booted deployment");
        BootEntry rollbackEntry = rollback == null ? null : entry(commits, rollback, "Rollback deployment");
        BootEntry specSource = stagedEntry != null ? stagedEntry : bootedEntry;
        HostSpec spec = specSource.image() == null ? HostSpec.EMPTY
                : new HostSpec(specSource.image().image(), rollbackQueued ? BootOrder.ROLLBACK : BootOrder.DEFAULT);
        HostType type = bootedEntry.image() != null ? HostType.BOOTC_HOST : null;
        return Host.of(spec, new HostStatus(stagedEntry, bootedEntry, rollbackEntry, rollbackQueued, type));
    }

    private static <E extends Exception> BootEntry entry(CommitSource<E> commits, StatusDeployment d, String slot)
            throws E, SysrootException {
        BootEntryOstree ostree = new BootEntryOstree(d.checksum(), d.deploySerial());
        boolean incompatible = d.origin().keySet().stream().anyMatch(RPM_OSTREE_GROUPS::contains);
        String origin = d.originValue("origin", ORIGIN_CONTAINER).orElse(null);
        if (incompatible || origin == null) {
            return new BootEntry(null, null, incompatible, d.pinned(), null, ostree);
        }
        ImageReference ref;
        try {
            ref = OstreeImageReference.parse(origin).toSpec();
        } catch (ImageException e) {
            throw new SysrootException(slot + " " + d.id() + ": corrupt origin: " + e.getMessage(), e);
        }
        Map<String, Object> metadata = commits.metadata(d.checksum());
        ImageStatus image = imageStatus(ref, string(metadata, "ostree.manifest-digest"),
                string(metadata, "ostree.container.image-config"), slot);
        ImageStatus cached = null;
        Map<String, Object> detached = commits.detachedMetadata(d.checksum());
        String cachedDigest = string(detached, "ostree-ext.cached.manifest-digest");
        String cachedConfig = string(detached, "ostree-ext.cached.config");
        if (cachedDigest != null && cachedConfig != null) {
            cached = imageStatus(ref, cachedDigest, cachedConfig, slot);
        }
        return new BootEntry(image, cached, false, d.pinned(), Store.OSTREE_CONTAINER, ostree);
    }

    private static String string(Map<String, Object> metadata, String key) {
        return metadata.get(key) instanceof String s ? s : null;
    }

    private static ImageStatus imageStatus(ImageReference ref, String digest, String configJson, String slot)
            throws SysrootException {
        if (digest == null) {
            throw new SysrootException(slot + ": commit has no ostree.manifest-digest; not a container image commit");
        }
        String version = null;
        Instant timestamp = null;
        if (configJson != null) {
            ImageConfigLabels labels;
            try {
                labels = ImageConfigLabels.parse(configJson);
            } catch (IOException e) {
                throw new SysrootException(slot + ": unreadable image configuration: " + e.getMessage(), e);
            }
            version = labels.ociVersion() != null ? labels.ociVersion() : labels.version();
            String created = labels.ociCreated() != null ? labels.ociCreated() : labels.created();
            timestamp = created == null ? null : parseTime(created);
        }
        return new ImageStatus(ref, version, timestamp, digest);
    }

    private static Instant parseTime(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            // Looked up here: a status read that logs nothing does not start the logging system.
            LoggerFactory.getLogger(HostStatusReader.class).warn("Invalid timestamp in image: {}", s);
            return null;
        }
    }
}
