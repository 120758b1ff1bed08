package dev.bootcj.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bootcj.BootcException;
import dev.bootcj.Bytes;
import dev.bootcj.ImageException;
import dev.bootcj.imports.RefEscape;
import dev.bootcj.oci.OstreeImageReference;
import dev.bootcj.ostree.Commit;
import dev.bootcj.ostree.Deployment;
import dev.bootcj.ostree.OstreeRepo;
import dev.bootcj.ostree.OstreeSysroot;
import dev.bootcj.spec.SpecMapper;
import dev.bootcj.status.HostStatusReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steps every image change shares: kernel arguments from the merge deployment and the images' kargs.d,
 * the origin, deploying (offline) or staging (booted), then pruning images and layers nothing uses.
 */
final class Deployer {
    private Deployer() {
    }

    /** The origin file bootc writes for an image. */
    static Map<String, Map<String, String>> origin(OstreeImageReference ref) {
        return Map.of("origin", Map.of(HostStatusReader.ORIGIN_CONTAINER, ref.toString()));
    }

    /**
     * Deploys (offline) or stages (booted) {@code commit} for {@code ref}, merging from {@code merge}.
     */
    static Deployment deploy(BootcSysroot host, Deployment merge, String commit, OstreeImageReference ref,
            Reporter out) throws IOException, BootcException {
        return deploy(host, merge, commit, ref, out, ProgressListener.NONE, commit);
    }

    /** {@link #deploy(BootcSysroot, Deployment, String, OstreeImageReference, Reporter)} with step events. */
    static Deployment deploy(BootcSysroot host, Deployment merge, String commit, OstreeImageReference ref,
            Reporter out, ProgressListener progress, String id) throws IOException, BootcException {
        if (Thread.currentThread().isInterrupted()) {
            // Interrupted after the pull: drop the image and layers nothing deploys, then stop.
            prune(host, Reporter.quiet());
            ProgressInputStream.checkInterrupted();
        }
        progress.onEvent(new ProgressEvent.StepStarted(ProgressEvent.Step.MERGING, id));
        List<String> kargs = kernelArguments(host, merge, commit);
        progress.onEvent(new ProgressEvent.StepDone(ProgressEvent.Step.MERGING, id));
        progress.onEvent(new ProgressEvent.StepStarted(ProgressEvent.Step.DEPLOYING, id));
        Deployment d = host.offline()
                ? host.ostree().deploy(merge.osname(), commit, origin(ref), kargs)
                : host.ostree().stage(merge.osname(), commit, origin(ref), kargs);
        progress.onEvent(new ProgressEvent.StepDone(ProgressEvent.Step.DEPLOYING, id));
        progress.onEvent(new ProgressEvent.StepStarted(ProgressEvent.Step.CLEANUP, id));
        prune(host, out);
        host.touchStatusStamp();
        progress.onEvent(new ProgressEvent.StepDone(ProgressEvent.Step.CLEANUP, id));
        return d;
    }

    /** The merge deployment's arguments with the kargs.d difference of the old and new image applied. */
    static List<String> kernelArguments(BootcSysroot host, Deployment merge, String commit)
            throws IOException, BootcException {
        List<String> old = KargsD.read(host.ostree().deploymentDirectory(merge), KargsD.hostArchitecture());
        return KargsD.apply(merge.kernelArguments(), old, imageKernelArguments(host.ostree(), commit));
    }

    /** The kargs.d arguments of {@code commit} for this architecture (empty if it has none). */
    static List<String> imageKernelArguments(OstreeSysroot sysroot, String commit) throws IOException, BootcException {
        Path tmp = Files.createTempDirectory(sysroot.path().resolve("ostree/repo/tmp"), "kargsd-");
        try (OstreeRepo repo = sysroot.repo()) {
            Path dest = tmp.resolve("root");
            Files.createDirectories(dest.resolve(KargsD.PATH).getParent());
            return repo.checkoutSubpath(commit, "/" + KargsD.PATH, dest.resolve(KargsD.PATH))
                    ? KargsD.read(dest, KargsD.hostArchitecture()) : List.of();
        } finally {
            Tree.delete(tmp);
        }
    }

    /**
     * Deletes image refs no deployment's origin names, layer refs no remaining image or deployment uses, then
     * unreferenced objects; reports {@code Pruned images: N (layers: L, objsize: S)}.
     */
    static void prune(BootcSysroot host, Reporter out) throws IOException, BootcException {
        List<Deployment> deployments = host.ostree().deployments();
        Set<String> originRefs = new HashSet<>();
        for (Deployment d : deployments) {
            var value = d.originValue("origin", HostStatusReader.ORIGIN_CONTAINER);
            if (value.isPresent()) {
                originRefs.add(ImagePull.imageRef(OstreeImageReference.parse(value.get())));
            }
        }
        try (OstreeRepo repo = host.ostree().repo()) {
            int images = 0;
            Set<String> usedLayers = new HashSet<>();
            for (var e : repo.listRefs(RefEscape.IMAGE_PREFIX).entrySet()) {
                if (!originRefs.contains(e.getKey())) {
                    repo.setRefImmediate(e.getKey(), null);
                    images++;
                } else {
                    usedLayers.addAll(layers(repo.loadCommit(e.getValue())));
                }
            }
            for (Deployment d : deployments) {
                usedLayers.addAll(layers(repo.loadCommit(d.checksum())));
            }
            int layers = 0;
            for (String ref : repo.listRefs(RefEscape.LAYER_PREFIX).keySet()) {
                if (!usedLayers.contains(ref)) {
                    repo.setRefImmediate(ref, null);
                    layers++;
                }
            }
            OstreeRepo.PruneResult pruned = repo.pruneUnreferenced();
            if (images > 0 || layers > 0 || pruned.objectsPruned() > 0) {
                out.line("Pruned images: " + images + " (layers: " + layers + ", objsize: "
                        + Bytes.human(pruned.bytesPruned()) + ")");
            }
        }
    }

    /** The layer refs a merged image commit's manifest names. */
    private static Set<String> layers(Commit commit) throws IOException {
        Set<String> out = new HashSet<>();
        var manifest = commit.metadataString("ostree.manifest");
        if (manifest.isEmpty()) {
            return out;
        }
        JsonNode m = SpecMapper.json().readTree(manifest.get());
        for (JsonNode l : m.path("layers")) {
            out.add(RefEscape.layerRef(l.path("digest").asText()));
        }
        return out;
    }
}
