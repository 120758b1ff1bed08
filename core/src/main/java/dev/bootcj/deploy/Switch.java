package dev.bootcj.deploy;

import dev.bootcj.BootcException;
import dev.bootcj.SysrootException;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.ostree.Deployment;
import dev.bootcj.ostree.OstreeRepo;
import dev.bootcj.registry.RegistryOptions;
import dev.bootcj.spec.Host;
import java.io.IOException;

/**
 * {@code bootc switch}: track another image. Switching to the image already tracked does nothing; otherwise
 * the image is pulled and staged (booted host) or deployed (offline sysroot).
 */
public final class Switch {
    private Switch() {
    }

    /** What a switch did. */
    public sealed interface Outcome {
        /** The spec already names the image. */
        record Unchanged() implements Outcome {
        }

        /** A deployment was staged (or deployed offline). */
        record Staged(String checksum, String manifestDigest) implements Outcome {
        }
    }

    /**
     * {@code --mutate-in-place}: rewrites only the newest deployment's origin to track {@code target}, fetching
     * nothing (for installers that deploy first and point the system at its update source afterwards).
     */
    public static String mutateInPlace(BootcSysroot host, OstreeImageReference target) throws IOException,
            BootcException {
        Deployment newest = host.ostree().deployments().stream().findFirst().orElseThrow(
                () -> new SysrootException("No deployments in " + host.ostree().path()));
        host.ostree().writeOrigin(newest, Deployer.origin(target));
        host.touchStatusStamp();
        return "Updated " + newest.id() + " to pull from " + target;
    }

    /** Switches {@code host} to {@code target}. */
    public static Outcome run(BootcSysroot host, OstreeImageReference target, RegistryOptions options, Reporter out)
            throws IOException, BootcException {
        return run(host, target, options, out, ProgressListener.NONE);
    }

    /** Switches {@code host} to {@code target}, reporting progress; an interrupt stops the pull cleanly. */
    public static Outcome run(BootcSysroot host, OstreeImageReference target, RegistryOptions options, Reporter out,
            ProgressListener progress) throws IOException, BootcException {
        Host status = host.status();
        if (target.toSpec().equals(status.spec().image())) {
            out.line("Image specification is unchanged.");
            return new Outcome.Unchanged();
        }
        Deployment merge = host.booted().orElseThrow(() -> new SysrootException(
                "No deployment to switch from in " + host.ostree().path()));
        ImagePull.Pulled pulled;
        try (OstreeRepo repo = host.ostree().repo()) {
            pulled = ImagePull.pull(repo, target, options, out, true, progress);
        }
        Deployment d = Deployer.deploy(host, merge, pulled.commit(), target, out, progress, pulled.manifestDigest());
        Upgrade.queued(out, target, pulled, host.offline());
        return new Outcome.Staged(d.checksum(), pulled.manifestDigest());
    }
}
