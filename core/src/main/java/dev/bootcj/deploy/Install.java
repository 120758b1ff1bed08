package dev.bootcj.deploy;

import dev.bootcj.BootcException;
import dev.bootcj.SysrootException;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.ostree.Deployment;
import dev.bootcj.ostree.NotASysrootException;
import dev.bootcj.ostree.OstreeRepo;
import dev.bootcj.ostree.OstreeSysroot;
import dev.bootcj.registry.RegistryOptions;
import dev.bootcj.spec.BootEntryOstree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The filesystem part of {@code bootc install}: lay out an ostree sysroot in a mounted (or plain) root
 * directory, pull the source image into its repo under the target reference, and deploy it with the install
 * kernel arguments. Partitioning, filesystems and the bootloader are the caller's.
 */
public final class Install {
    private Install() {
    }

    /**
     * What to install.
     *
     * @param source where the image is read from now
     * @param target what the system tracks for updates (written to the origin); usually equal to {@code source}
     * @param stateroot the stateroot ({@code default})
     * @param rootKargs root-setup arguments ({@code root=UUID=... rw}), first
     * @param configKargs install-configuration arguments, after them
     * @param cliKargs {@code --karg} arguments, last (after the image's kargs.d)
     * @param bootloader the {@code sysroot.bootloader} value to configure ({@code none}, {@code syslinux}, ...)
     */
    public record Plan(OstreeImageReference source, OstreeImageReference target, String stateroot,
            List<String> rootKargs, List<String> configKargs, List<String> cliKargs, String bootloader) {
    }

    /** Installs into {@code root}; returns the new deployment's commit and serial. */
    public static BootEntryOstree toFilesystem(Path root, Plan plan, RegistryOptions options, Reporter out)
            throws IOException, BootcException {
        try (OstreeSysroot sysroot = OstreeSysroot.initialize(root)) {
            try (OstreeRepo repo = sysroot.repo()) {
                repo.setConfig("sysroot", "bootloader", plan.bootloader());
                repo.setConfig("sysroot", "readonly", "true");
            }
            if (Files.exists(root.resolve("ostree/deploy").resolve(plan.stateroot()))) {
                throw new SysrootException("Cannot redeploy over extant stateroot " + plan.stateroot());
            }
            sysroot.initOsname(plan.stateroot());
            ImagePull.Pulled pulled;
            try (OstreeRepo repo = sysroot.repo()) {
                out.line("Installing image: " + plan.source().transportReference());
                pulled = ImagePull.pull(repo, plan.source(), plan.target(), options, out, true, ProgressListener.NONE);
                out.line("Digest: " + pulled.manifestDigest());
            }
            List<String> kargs = new ArrayList<>(plan.rootKargs());
            kargs.addAll(plan.configKargs());
            kargs.addAll(Deployer.imageKernelArguments(sysroot, pulled.commit()));
            kargs.addAll(plan.cliKargs());
            Deployment d = sysroot.deploy(plan.stateroot(), pulled.commit(), Deployer.origin(plan.target()), kargs);
            seedVar(sysroot, d);
            out.line("Deployed " + d.id() + " in stateroot " + d.osname());
            return new BootEntryOstree(d.checksum(), d.deploySerial());
        } catch (NotASysrootException e) {
            throw new SysrootException(e.getMessage(), e);
        }
    }

    /**
     * libostree 2022.7 does not populate the stateroot's {@code /var} from the image; bootc's images carry
     * {@code /var} content as {@code /usr/share/factory/var}, which is copied once, at install, like a Docker volume.
     */
    private static void seedVar(OstreeSysroot sysroot, Deployment d) throws IOException {
        Path factory = sysroot.deploymentDirectory(d).resolve("usr/share/factory/var");
        Path var = sysroot.path().resolve("ostree/deploy").resolve(d.osname()).resolve("var");
        if (!Files.isDirectory(factory)) {
            return;
        }
        Tree.copyMissing(factory, var);
    }
}
