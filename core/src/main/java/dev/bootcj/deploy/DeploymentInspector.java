package dev.bootcj.deploy;

import dev.bootcj.BootcException;
import dev.bootcj.ImageException;
import dev.bootcj.SysrootException;
import dev.bootcj.imports.RefEscape;
import dev.bootcj.oci.ImageConfig;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.ostree.Commit;
import dev.bootcj.ostree.Deployment;
import dev.bootcj.ostree.NotASysrootException;
import dev.bootcj.ostree.OstreeRepo;
import dev.bootcj.ostree.OstreeSysroot;
import dev.bootcj.status.HostStatusReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only views of a sysroot's deployments and stored images for {@code bootc inspect deployment} and
 * {@code bootc inspect diff}. Deployments are named as in status: {@code booted} (offline: the one that boots
 * next), {@code staged}, {@code rollback}, or their index {@code N} in the boot order. Nothing is locked or
 * written.
 * {@snippet :
 * DeploymentInspector.Info booted = DeploymentInspector.deployment(Path.of("/"), "booted");
 * booted.etcChanges().forEach(c -> System.out.println(c.kind() + " " + c.path()));
 * List<TreeDiff.Change> diff = DeploymentInspector.diff(Path.of("/"), "rollback", "booted");
 * }
 */
public final class DeploymentInspector {
    private DeploymentInspector() {
    }

    /**
     * One deployment.
     *
     * @param name what it was asked for ({@code booted}, {@code 1}, ...)
     * @param index its position in the boot order
     * @param osname the stateroot
     * @param checksum the commit
     * @param deploySerial the deployment serial
     * @param origin the origin's image reference ({@code ostree-unverified-registry:...}) or ostree refspec; null
     *        if none
     * @param imageDigest the image's manifest digest, or null for a non-container commit
     * @param version the image's version label, or null
     * @param kernelArguments the boot entry's kernel arguments
     * @param slots what status calls it: booted, staged, rollback, pinned (possibly empty)
     * @param etcChanges {@code /etc} against the image's defaults in {@code /usr/etc}
     */
    public record Info(String name, int index, String osname, String checksum, int deploySerial, String origin,
            String imageDigest, String version, List<String> kernelArguments, List<String> slots,
            List<TreeDiff.Change> etcChanges) {
    }

    /** Whether {@code name} names a deployment ({@code booted}, {@code staged}, {@code rollback} or an index). */
    public static boolean isDeploymentName(String name) {
        return name.equals("booted") || name.equals("staged") || name.equals("rollback") || name.matches("[0-9]+");
    }

    /**
     * The deployment names that exist in the sysroot at {@code sysrootPath}: {@code booted}, {@code staged} and
     * {@code rollback} when present, then the indexes {@code 0..n-1}.
     */
    public static List<String> names(Path sysrootPath) throws IOException, BootcException {
        try (OstreeSysroot sysroot = open(sysrootPath)) {
            List<Deployment> all = sysroot.deployments();
            Slots s = slots(sysroot);
            List<String> out = new ArrayList<>();
            if (s.booted() != null) {
                out.add("booted");
            }
            if (all.stream().anyMatch(Deployment::staged)) {
                out.add("staged");
            }
            if (s.rollback() != null) {
                out.add("rollback");
            }
            for (int i = 0; i < all.size(); i++) {
                out.add(Integer.toString(i));
            }
            return out;
        }
    }

    /** Inspects deployment {@code name} of the sysroot at {@code sysrootPath}. */
    public static Info deployment(Path sysrootPath, String name) throws IOException, BootcException {
        try (OstreeSysroot sysroot = open(sysrootPath)) {
            Deployment d = resolve(sysroot, name);
            Path dir = sysroot.deploymentDirectory(d);
            Commit commit;
            try (OstreeRepo repo = sysroot.repo()) {
                commit = repo.loadCommit(d.checksum());
            }
            String origin = d.originValue("origin", HostStatusReader.ORIGIN_CONTAINER)
                    .or(() -> d.originValue("origin", "refspec")).orElse(null);
            List<String> slots = new ArrayList<>();
            Slots s = slots(sysroot);
            if (d.id().equals(s.booted())) {
                slots.add(sysroot.isBooted() ? "booted" : "booted (next boot)");
            }
            if (d.staged()) {
                slots.add("staged");
            }
            if (d.id().equals(s.rollback())) {
                slots.add("rollback");
            }
            if (d.pinned()) {
                slots.add("pinned");
            }
            List<String> kargs = d.kernelArguments() == null || d.kernelArguments().isBlank() ? List.of()
                    : Arrays.asList(d.kernelArguments().trim().split("\\s+"));
            return new Info(name, d.index(), d.osname(), d.checksum(), d.deploySerial(), origin,
                    commit.metadataString("ostree.manifest-digest").orElse(null), version(commit), kargs,
                    List.copyOf(slots), TreeDiff.directories(dir.resolve("usr/etc"), dir.resolve("etc")));
        }
    }

    /**
     * The files added, removed and changed from {@code a} to {@code b}: each a deployment name, or an image
     * stored in the repository (an image reference as in the origin, {@code ostree-unverified-registry:x},
     * {@code oci:/dir:tag}, a bare registry name {@code quay.io/x:y}, or an ostree ref or commit). Two deployments
     * are compared on disk, so local {@code /etc} changes show; anything involving an image compares commits.
     */
    public static List<TreeDiff.Change> diff(Path sysrootPath, String a, String b) throws IOException,
            BootcException {
        try (OstreeSysroot sysroot = open(sysrootPath)) {
            if (isDeploymentName(a) && isDeploymentName(b)) {
                return TreeDiff.directories(sysroot.deploymentDirectory(resolve(sysroot, a)),
                        sysroot.deploymentDirectory(resolve(sysroot, b)));
            }
            try (OstreeRepo repo = sysroot.repo()) {
                return TreeDiff.commits(repo, commitOf(sysroot, repo, a), commitOf(sysroot, repo, b));
            }
        }
    }

    private static OstreeSysroot open(Path path) throws IOException, BootcException {
        try {
            return OstreeSysroot.open(path);
        } catch (NotASysrootException e) {
            throw new SysrootException(e.getMessage(), e);
        }
    }

    private record Slots(String booted, String rollback) {
    }

    /** The booted and rollback deployment ids, as status derives them. */
    private static Slots slots(OstreeSysroot sysroot) throws IOException, BootcException {
        List<Deployment> all = sysroot.deployments();
        Optional<Deployment> booted = all.stream().filter(Deployment::booted).findFirst();
        if (booted.isEmpty() && !sysroot.isBooted()) {
            booted = all.stream().filter(d -> !d.staged()).findFirst();
        }
        if (booted.isEmpty()) {
            return new Slots(null, null);
        }
        Deployment b = booted.get();
        String rollback = all.stream().filter(d -> d.osname().equals(b.osname()) && !d.staged()
                && !d.id().equals(b.id())).findFirst().map(Deployment::id).orElse(null);
        return new Slots(b.id(), rollback);
    }

    private static Deployment resolve(OstreeSysroot sysroot, String name) throws IOException, BootcException {
        List<Deployment> all = sysroot.deployments();
        Slots s = slots(sysroot);
        Optional<Deployment> found = switch (name) {
            case "booted" -> all.stream().filter(d -> d.id().equals(s.booted())).findFirst();
            case "staged" -> all.stream().filter(Deployment::staged).findFirst();
            case "rollback" -> all.stream().filter(d -> d.id().equals(s.rollback())).findFirst();
            default -> {
                if (!name.matches("[0-9]+")) {
                    throw new SysrootException("Not a deployment name: '" + name
                            + "' (expected booted, staged, rollback or an index)");
                }
                int i = name.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(name);
                yield i < all.size() ? Optional.of(all.get(i)) : Optional.empty();
            }
        };
        return found.orElseThrow(() -> new SysrootException("No " + (name.matches("[0-9]+")
                ? "deployment " + name + " (there are " + all.size() + ")" : name + " deployment") + " in "
                + sysroot.path()));
    }

    private static String commitOf(OstreeSysroot sysroot, OstreeRepo repo, String name) throws IOException,
            BootcException {
        if (isDeploymentName(name)) {
            return resolve(sysroot, name).checksum();
        }
        List<String> refs = new ArrayList<>();
        if (name.startsWith("ostree-")) {
            refs.add(ImagePull.imageRef(OstreeImageReference.parse(name)));
        } else {
            // containers/image forms as stored (oci:/dir:tag, docker://name), then a bare registry name
            refs.add(RefEscape.imageRef(name));
            refs.add(RefEscape.imageRef("docker://" + name));
        }
        refs.add(name);
        for (String r : refs) {
            Optional<String> c;
            try {
                c = repo.resolveRev(r, true);
            } catch (dev.bootcj.GLibException e) {
                continue; // not a valid ref or checksum either
            }
            if (c.isPresent()) {
                return c.get();
            }
        }
        throw new ImageException("No image or deployment '" + name + "' in " + sysroot.path()
                + " (expected booted, staged, rollback, an index, or an image pulled into the repository)");
    }

    private static String version(Commit commit) {
        Optional<String> config = commit.metadataString("ostree.container.image-config");
        if (config.isEmpty()) {
            return null;
        }
        try {
            Map<String, String> labels = ImageConfig.read(config.get()).labels();
            return labels.getOrDefault(ImageConfig.LABEL_VERSION, labels.get("version"));
        } catch (IOException e) {
            return null;
        }
    }
}
