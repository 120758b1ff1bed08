package dev.bootcj.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bootcj.BootcException;
import dev.bootcj.ImageException;
import dev.bootcj.SysrootException;
import dev.bootcj.glib.GLibException;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.ostree.Commit;
import dev.bootcj.ostree.Deployment;
import dev.bootcj.ostree.NotASysrootException;
import dev.bootcj.ostree.OstreeRepo;
import dev.bootcj.ostree.OstreeSysroot;
import dev.bootcj.spec.BootEntry;
import dev.bootcj.spec.BootEntryOstree;
import dev.bootcj.spec.BootOrder;
import dev.bootcj.spec.Host;
import dev.bootcj.spec.HostSpec;
import dev.bootcj.spec.HostStatus;
import dev.bootcj.spec.HostType;
import dev.bootcj.spec.ImageReference;
import dev.bootcj.spec.ImageStatus;
import dev.bootcj.spec.SpecMapper;
import dev.bootcj.spec.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@code BootcHost} document of a sysroot through libostree, as bootc's {@code get_status} does.
 *
 * <p>On a booted sysroot the running deployment is {@code booted}. On an installed but not booted sysroot
 * (offline, {@code --sysroot DIR}) the deployment that boots next is shown as {@code booted} and the next
 * deployment of the same stateroot as {@code rollback}.
 */
public final class HostStatusReader {
    private static final Logger log = LoggerFactory.getLogger(HostStatusReader.class);

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
        boolean root = path.toAbsolutePath().normalize().equals(Path.of("/"));
        if (root && !Files.exists(Path.of("/run/ostree-booted"))) {
            return Host.empty();
        }
        try (OstreeSysroot sysroot = OstreeSysroot.open(path)) {
            if (sysroot.isBooted()) {
                sysroot.lock(onWait, 3000);
            }
            return read(sysroot);
        } catch (NotASysrootException e) {
            throw new SysrootException(e.getMessage(), e);
        }
    }

    /**
     * Like {@link #read(Path, Runnable)} but never waits for the sysroot lock (for prompts and completion,
     * which must not block behind a running upgrade).
     */
    public static Host readWithoutLock(Path path) throws IOException, BootcException {
        boolean root = path.toAbsolutePath().normalize().equals(Path.of("/"));
        if (root && !Files.exists(Path.of("/run/ostree-booted"))) {
            return Host.empty();
        }
        try (OstreeSysroot sysroot = OstreeSysroot.open(path)) {
            return read(sysroot);
        } catch (NotASysrootException e) {
            throw new SysrootException(e.getMessage(), e);
        }
    }

    /** The status of an open sysroot (for the deployment verbs, which hold it already). */
    @SuppressWarnings("exports")
    public static Host read(OstreeSysroot sysroot) throws GLibException, SysrootException {
        List<Deployment> all = sysroot.deployments();
        Optional<Deployment> booted = all.stream().filter(Deployment::booted).findFirst();
        if (booted.isEmpty() && !sysroot.isBooted()) {
            booted = all.stream().filter(d -> !d.staged()).findFirst();
        }
        if (booted.isEmpty()) {
            return Host.empty();
        }
        Deployment b = booted.get();
        List<Deployment> related = new ArrayList<>();
        Deployment staged = null;
        for (Deployment d : all) {
            if (!d.osname().equals(b.osname())) {
                continue;
            }
            if (d.staged() && staged == null) {
                staged = d;
            } else if (!d.id().equals(b.id())) {
                related.add(d);
            }
        }
        Deployment rollback = related.isEmpty() ? null : related.getFirst();
        boolean rollbackQueued = rollback != null && rollback.index() < b.index();

        try (OstreeRepo repo = sysroot.repo()) {
            BootEntry stagedEntry = staged == null ? null : entry(repo, staged, "Staged deployment");
            BootEntry bootedEntry = entry(repo, b, "Booted deployment");
            BootEntry rollbackEntry = rollback == null ? null : entry(repo, rollback, "Rollback deployment");
            BootEntry specSource = stagedEntry != null ? stagedEntry : bootedEntry;
            HostSpec spec = specSource.image() == null ? HostSpec.EMPTY
                    : new HostSpec(specSource.image().image(), rollbackQueued ? BootOrder.ROLLBACK : BootOrder.DEFAULT);
            HostType type = bootedEntry.image() != null ? HostType.BOOTC_HOST : null;
            return Host.of(spec, new HostStatus(stagedEntry, bootedEntry, rollbackEntry, rollbackQueued, type));
        }
    }

    private static BootEntry entry(OstreeRepo repo, Deployment d, String slot) throws GLibException, SysrootException {
        BootEntryOstree ostree = new BootEntryOstree(d.checksum(), d.deploySerial());
        boolean incompatible = d.origin().keySet().stream().anyMatch(RPM_OSTREE_GROUPS::contains);
        Optional<String> origin = d.originValue("origin", ORIGIN_CONTAINER);
        if (incompatible || origin.isEmpty()) {
            return new BootEntry(null, null, incompatible, d.pinned(), null, ostree);
        }
        ImageReference ref;
        try {
            ref = OstreeImageReference.parse(origin.get()).toSpec();
        } catch (ImageException e) {
            throw new SysrootException(slot + " " + d.id() + ": corrupt origin: " + e.getMessage(), e);
        }
        Commit commit = repo.loadCommit(d.checksum());
        ImageStatus image = imageStatus(ref, commit.metadataString("ostree.manifest-digest").orElse(null),
                commit.metadataString("ostree.container.image-config").orElse(null), slot);
        ImageStatus cached = null;
        Map<String, Object> detached = repo.detachedMetadata(d.checksum());
        if (detached.get("ostree-ext.cached.manifest-digest") instanceof String digest
                && detached.get("ostree-ext.cached.config") instanceof String config) {
            cached = imageStatus(ref, digest, config, slot);
        }
        return new BootEntry(image, cached, false, d.pinned(), Store.OSTREE_CONTAINER, ostree);
    }

    private static ImageStatus imageStatus(ImageReference ref, String digest, String configJson, String slot)
            throws SysrootException {
        if (digest == null) {
            throw new SysrootException(slot + ": commit has no ostree.manifest-digest; not a container image commit");
        }
        String version = null;
        Instant timestamp = null;
        if (configJson != null) {
            try {
                JsonNode config = SpecMapper.json().readTree(configJson);
                JsonNode labels = config.path("config").path("Labels");
                version = text(labels, "org.opencontainers.image.version");
                if (version == null) {
                    version = text(labels, "version");
                }
                String created = text(labels, "org.opencontainers.image.created");
                if (created == null) {
                    created = text(config, "created");
                }
                timestamp = created == null ? null : parseTime(created);
            } catch (IOException e) {
                throw new SysrootException(slot + ": unreadable image configuration: " + e.getMessage(), e);
            }
        }
        return new ImageStatus(ref, version, timestamp, digest);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static Instant parseTime(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            log.warn("Invalid timestamp in image: {}", s);
            return null;
        }
    }
}
