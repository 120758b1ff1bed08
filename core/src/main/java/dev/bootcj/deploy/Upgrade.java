package dev.bootcj.deploy;

import dev.bootcj.BootcException;
import dev.bootcj.ImageException;
import dev.bootcj.SysrootException;
import dev.bootcj.oci.ImageConfig;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.ostree.Deployment;
import dev.bootcj.ostree.OstreeRepo;
import dev.bootcj.registry.RegistryOptions;
import dev.bootcj.registry.ResolvedImage;
import dev.bootcj.spec.BootEntry;
import dev.bootcj.spec.Host;
import dev.bootcj.spec.ImageReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code bootc upgrade}: fetch the tracked image and stage it if its manifest digest differs from the staged,
 * then the booted, deployment's. {@code --check} fetches only the manifest and config and records them as
 * the cached update shown by {@code status}.
 */
public final class Upgrade {
    private Upgrade() {
    }

    /** What an upgrade did. */
    public sealed interface Outcome {
        /** Nothing newer than the booted image. */
        record NoUpdate() implements Outcome {
        }

        /** The newest image is already staged. */
        record AlreadyStaged() implements Outcome {
        }

        /** A new deployment was staged (or deployed offline). */
        record Staged(String checksum, String manifestDigest) implements Outcome {
        }

        /** {@code --check}: an update exists ({@code digest}) or not. */
        record Checked(boolean available, String digest) implements Outcome {
        }
    }

    /** Upgrades {@code host}; with {@code check}, only looks. */
    public static Outcome run(BootcSysroot host, boolean check, RegistryOptions options, Reporter out)
            throws IOException, BootcException {
        return run(host, check, options, out, ProgressListener.NONE);
    }

    /** Upgrades {@code host}, reporting progress; an interrupt stops the pull cleanly. */
    public static Outcome run(BootcSysroot host, boolean check, RegistryOptions options, Reporter out,
            ProgressListener progress) throws IOException, BootcException {
        Host status = host.status();
        BootEntry current = status.status().staged() != null ? status.status().staged() : status.status().booted();
        if (current != null && current.incompatible()) {
            throw new SysrootException("Deployment contains local rpm-ostree modifications; cannot upgrade via bootc."
                    + " You can run `rpm-ostree reset` to undo the modifications.");
        }
        ImageReference spec = status.spec().image();
        if (spec == null) {
            throw new SysrootException("No image source specified");
        }
        OstreeImageReference ref = OstreeImageReference.of(spec);
        Deployment merge = host.booted().orElseThrow(() -> new SysrootException("No deployments in "
                + host.ostree().path()));
        String bootedDigest = status.status().booted() == null || status.status().booted().image() == null ? null
                : status.status().booted().image().imageDigest();
        String stagedDigest = status.status().staged() == null || status.status().staged().image() == null ? null
                : status.status().staged().image().imageDigest();
        if (check) {
            ResolvedImage image = ImagePull.fetchManifest(ref, options);
            String digest = image.digest().toString();
            boolean available = !digest.equals(bootedDigest) && !digest.equals(stagedDigest);
            if (available) {
                out.line("Update available for: " + ref.transportReference());
                version(image.config()).ifPresent(v -> out.line("  Version: " + v));
                out.line("  Digest: " + digest);
                try (OstreeRepo repo = host.ostree().repo()) {
                    repo.writeDetachedMetadata(merge.checksum(), Map.of(
                            "ostree-ext.cached.manifest-digest", digest,
                            "ostree-ext.cached.manifest", new String(image.rawManifest().bytes(), StandardCharsets.UTF_8),
                            "ostree-ext.cached.config", new String(image.configBytes(), StandardCharsets.UTF_8)));
                }
            } else {
                out.line("No changes in: " + ref.transportReference());
            }
            return new Outcome.Checked(available, digest);
        }
        ImagePull.Pulled pulled;
        try (OstreeRepo repo = host.ostree().repo()) {
            pulled = ImagePull.pull(repo, ref, options, out, true, progress);
            clearCachedUpdate(repo, merge);
        }
        if (pulled.manifestDigest().equals(stagedDigest)) {
            out.line("Staged update present, not changed.");
            return new Outcome.AlreadyStaged();
        }
        if (pulled.manifestDigest().equals(bootedDigest)) {
            out.line("No update available.");
            return new Outcome.NoUpdate();
        }
        Deployment d = Deployer.deploy(host, merge, pulled.commit(), ref, out, progress, pulled.manifestDigest());
        queued(out, ref, pulled, host.offline());
        return new Outcome.Staged(d.checksum(), pulled.manifestDigest());
    }

    static void queued(Reporter out, OstreeImageReference ref, ImagePull.Pulled pulled, boolean offline) {
        out.line((offline ? "Deployed as the next boot: " : "Queued for next boot: ") + ref.transportReference());
        pulled.version().ifPresent(v -> out.line("  Version: " + v));
        out.line("  Digest: " + pulled.manifestDigest());
    }

    private static java.util.Optional<String> version(ImageConfig config) {
        Map<String, String> labels = config.labels();
        return java.util.Optional.ofNullable(labels.getOrDefault(ImageConfig.LABEL_VERSION, labels.get("version")));
    }

    private static void clearCachedUpdate(OstreeRepo repo, Deployment merge) throws IOException, BootcException {
        if (!repo.detachedMetadata(merge.checksum()).isEmpty()) {
            repo.writeDetachedMetadata(merge.checksum(), Map.of());
        }
    }

    /** Visible for the edit verb. */
    static void requireImage(ImageReference image) throws ImageException {
        if (image == null) {
            throw new ImageException("Missing image in specification");
        }
    }
}
