package dev.bootcj.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bootcj.NativeException;
import dev.bootcj.oci.ImageConfig;
import dev.bootcj.ostree.CountsByName;
import dev.bootcj.ostree.DirTree;
import dev.bootcj.ostree.ObjectWriter;
import dev.bootcj.ostree.OstreeRepo;
import dev.bootcj.ostree.RepoTransaction;
import dev.bootcj.spec.SpecMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an image's merged commit from its layer commits in metadata space: the layer trees' dirtree and
 * dirmeta objects are combined in manifest order, and only directories a layer touches are loaded and
 * rewritten; untouched subtrees keep their checksums. No file is checked out or read.
 *
 * <p>Layer semantics (OCI, as libostree's whiteout-processing checkout applies them): a file {@code .wh.X}
 * removes {@code X} from the layers below, a file {@code .wh..wh..opq} empties its directory of lower content,
 * whiteout files themselves never reach the merged tree; a file replaces a directory and a directory replaces
 * a file; a directory's metadata is that of the topmost layer with an entry for it. A whiteout hides only what
 * lower layers hold: below a path that is not a directory in the merge so far it hides nothing, so a
 * layer's implicit directory ({@link LayerImporter#IMPLICIT_DIRS}) holding nothing but whiteouts leaves the
 * merged tree as it is (a lower file or symlink stays, and no empty directory appears). Afterwards empty regular files
 * {@code usr/etc/hostname} and {@code usr/etc/resolv.conf} (left behind by container builds) are removed.
 *
 * <p>The merged commit carries {@code ostree.manifest-digest}, {@code ostree.manifest},
 * {@code ostree.container.image-config}, {@code ostree.importer.version} and {@code ostree.tar-filtered}, has
 * no parent, and is timestamped from the manifest annotation {@code org.opencontainers.image.created}, else
 * the config's {@code created}, else now. The ref {@code ostree/container/image/<escaped reference>} is set in
 * the same transaction.
 */
public final class ImageMerger {
    private static final Logger log = LoggerFactory.getLogger(ImageMerger.class);
    static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";

    /**
     * What describes the image.
     *
     * @param imageReference the transport-qualified reference naming the ref ({@code docker://quay.io/x:y})
     * @param manifestDigest {@code sha256:...} of the manifest
     * @param manifestJson the OCI manifest (JSON)
     * @param configJson the OCI config (JSON)
     * @param filtered per layer digest, the paths its import dropped ({@link LayerImporter.Result#filtered()})
     */
    public record Image(String imageReference, String manifestDigest, String manifestJson, String configJson,
            Map<String, Map<String, Integer>> filtered) {
    }

    /**
     * The merged commit.
     *
     * @param commit its checksum
     * @param ref the image ref set to it
     * @param dirsRewritten directories whose dirtree was rebuilt
     */
    public record Result(String commit, String ref, long dirsRewritten) {
    }

    private final OstreeRepo repo;
    private final Map<String, DirTree> treeCache = new HashMap<>();
    private final Map<String, Boolean> whiteoutCache = new HashMap<>();
    private long dirsRewritten;

    public ImageMerger(OstreeRepo repo) {
        this.repo = repo;
    }

    /** Merges {@code layerCommits} (bottom first) into the image's commit and sets its ref. */
    public Result merge(Image image, List<String> layerCommits) throws IOException, NativeException {
        if (layerCommits.isEmpty()) {
            throw new IllegalArgumentException("an image needs at least one layer");
        }
        Node root = new Node(null, null);
        root.materialize(this);
        for (String layer : layerCommits) {
            DirTree.Subdir layerRoot = repo.commitRoot(layer);
            apply(root, layerRoot, "", implicitDirs(layer));
        }
        cleanupRoot(root);
        long timestamp = timestamp(image);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("ostree.manifest-digest", image.manifestDigest());
        metadata.put("ostree.manifest", image.manifestJson());
        metadata.put("ostree.container.image-config", image.configJson());
        metadata.put("ostree.importer.version", LayerImporter.IMPORTER_VERSION);
        metadata.put("ostree.tar-filtered", new CountsByName(nonEmpty(image.filtered())));
        String ref = RefEscape.imageRef(image.imageReference());
        try (RepoTransaction tx = repo.beginTransaction()) {
            DirTree.Subdir top;
            try (ObjectWriter writer = tx.newWriter()) {
                top = write(root, writer);
            }
            String commit = tx.writeCommit(top.tree(), top.meta(), metadata, timestamp);
            tx.setRef(ref, commit);
            tx.commit();
            log.debug("merged {} layers into {} ({} directories rewritten)", layerCommits.size(), commit,
                    dirsRewritten);
            return new Result(commit, ref, dirsRewritten);
        }
    }

    /** A directory of the merged tree: either still a reference to an existing subtree, or loaded and edited. */
    private static final class Node {
        String tree;
        String meta;
        TreeMap<String, String> files;
        TreeMap<String, Node> dirs;

        Node(String tree, String meta) {
            this.tree = tree;
            this.meta = meta;
        }

        boolean loaded() {
            return files != null;
        }

        void materialize(ImageMerger m) throws IOException, NativeException {
            if (loaded()) {
                return;
            }
            files = new TreeMap<>(DirTree.NAME_ORDER);
            dirs = new TreeMap<>(DirTree.NAME_ORDER);
            if (tree != null) {
                DirTree t = m.load(tree);
                files.putAll(t.files());
                for (var e : t.dirs().entrySet()) {
                    dirs.put(e.getKey(), new Node(e.getValue().tree(), e.getValue().meta()));
                }
            }
            tree = null; // from now on rebuilt on write
        }
    }

    /** Whether the last component of {@code path} names a whiteout ({@code .wh.X} or {@code .wh..wh..opq}). */
    static boolean isWhiteout(String path) {
        return path.startsWith(WHITEOUT, path.lastIndexOf('/') + 1);
    }

    /** The layer commit's implicit directories (none for a commit written without the list). */
    private Set<String> implicitDirs(String layerCommit) throws IOException, NativeException {
        Object list = repo.loadCommit(layerCommit).metadata().get(LayerImporter.IMPLICIT_DIRS);
        Set<String> out = new HashSet<>();
        if (list instanceof List<?> l) {
            for (Object o : l) {
                out.add((String) o);
            }
        }
        return out;
    }

    /** Applies the layer directory at {@code path} ({@code ""} for the root) onto {@code into}. */
    private void apply(Node into, DirTree.Subdir layer, String path, Set<String> implicit) throws IOException, NativeException {
        // An implicit directory's metadata is the importer's default: the lower layers' metadata stays.
        boolean keepMeta = implicit.contains(path) && into.meta != null;
        if (!into.loaded() && layer.tree().equals(into.tree) && !hasWhiteouts(layer.tree())) {
            if (!keepMeta) {
                into.meta = layer.meta(); // identical content: only the metadata can differ
            }
            return;
        }
        into.materialize(this);
        if (!keepMeta) {
            into.meta = layer.meta();
        }
        DirTree l = load(layer.tree());
        if (l.files().containsKey(OPAQUE)) {
            into.files.clear();
            into.dirs.clear();
        }
        for (String name : l.files().keySet()) {
            if (name.startsWith(WHITEOUT) && !name.startsWith(".wh..wh.")) {
                String victim = name.substring(WHITEOUT.length());
                into.files.remove(victim);
                into.dirs.remove(victim);
            }
        }
        for (var e : l.files().entrySet()) {
            String name = e.getKey();
            if (name.startsWith(WHITEOUT)) {
                continue;
            }
            into.dirs.remove(name);
            into.files.put(name, e.getValue());
        }
        for (var e : l.dirs().entrySet()) {
            String name = e.getKey();
            String childPath = path.isEmpty() ? name : path + "/" + name;
            Node existing = into.dirs.get(name);
            if (existing != null) {
                apply(existing, e.getValue(), childPath, implicit);
            } else if (implicit.contains(childPath) && onlyWhiteouts(e.getValue(), childPath, implicit)) {
                // Whiteouts below a path the merge holds no directory at: nothing to hide, nothing to add.
                continue;
            } else {
                into.files.remove(name);
                into.dirs.put(name, adopt(e.getValue(), childPath, implicit));
            }
        }
    }

    /** A layer subtree that is new in the merged tree: taken as is unless whiteouts inside must be dropped. */
    private Node adopt(DirTree.Subdir layer, String path, Set<String> implicit) throws IOException, NativeException {
        Node n = new Node(layer.tree(), layer.meta());
        if (hasWhiteouts(layer.tree())) {
            Node fresh = new Node(null, layer.meta());
            fresh.materialize(this);
            apply(fresh, layer, path, implicit);
            return fresh;
        }
        return n;
    }

    /**
     * Whether the layer's implicit directory at {@code path} holds whiteouts and implicit directories only, and at
     * least one whiteout: an empty implicit directory (the {@code var} the importer adds) is content to keep.
     */
    private boolean onlyWhiteouts(DirTree.Subdir layer, String path, Set<String> implicit)
            throws IOException, NativeException {
        return whiteoutsOnly(layer, path, implicit) > 0;
    }

    /** The number of whiteouts below an implicit directory holding nothing else, or -1 if it holds other content. */
    private int whiteoutsOnly(DirTree.Subdir layer, String path, Set<String> implicit)
            throws IOException, NativeException {
        DirTree t = load(layer.tree());
        int whiteouts = 0;
        for (String name : t.files().keySet()) {
            if (!name.startsWith(WHITEOUT)) {
                return -1;
            }
            whiteouts++;
        }
        for (var e : t.dirs().entrySet()) {
            String childPath = path + "/" + e.getKey();
            int below = implicit.contains(childPath) ? whiteoutsOnly(e.getValue(), childPath, implicit) : -1;
            if (below < 0) {
                return -1;
            }
            whiteouts += below;
        }
        return whiteouts;
    }

    private boolean hasWhiteouts(String tree) throws IOException, NativeException {
        Boolean known = whiteoutCache.get(tree);
        if (known != null) {
            return known;
        }
        DirTree t = load(tree);
        boolean found = false;
        for (String name : t.files().keySet()) {
            if (name.startsWith(WHITEOUT)) {
                found = true;
                break;
            }
        }
        if (!found) {
            for (DirTree.Subdir d : t.dirs().values()) {
                if (hasWhiteouts(d.tree())) {
                    found = true;
                    break;
                }
            }
        }
        whiteoutCache.put(tree, found);
        return found;
    }

    private DirTree load(String tree) throws IOException, NativeException {
        DirTree t = treeCache.get(tree);
        if (t == null) {
            t = repo.loadDirTree(tree);
            treeCache.put(tree, t);
        }
        return t;
    }

    /** Drops empty regular {@code usr/etc/hostname} and {@code usr/etc/resolv.conf}. */
    private void cleanupRoot(Node root) throws IOException, NativeException {
        Node usr = root.dirs.get("usr");
        if (usr == null) {
            return;
        }
        usr.materialize(this);
        Node etc = usr.dirs.get("etc");
        if (etc == null) {
            return;
        }
        etc.materialize(this);
        for (String name : List.of("hostname", "resolv.conf")) {
            String csum = etc.files.get(name);
            if (csum != null) {
                OstreeRepo.ContentInfo info = repo.contentInfo(csum);
                if (info.isRegular() && info.size() == 0) {
                    etc.files.remove(name);
                }
            }
        }
    }

    private DirTree.Subdir write(Node n, ObjectWriter writer) throws IOException, NativeException {
        if (!n.loaded()) {
            return new DirTree.Subdir(n.tree, n.meta);
        }
        TreeMap<String, DirTree.Subdir> subdirs = new TreeMap<>(DirTree.NAME_ORDER);
        for (var e : n.dirs.entrySet()) {
            subdirs.put(e.getKey(), write(e.getValue(), writer));
        }
        dirsRewritten++;
        String tree = writer.writeDirTree(new DirTree(n.files, subdirs));
        if (n.meta == null) {
            throw new IllegalStateException("merged directory without metadata");
        }
        return new DirTree.Subdir(tree, n.meta);
    }

    private static Map<String, Map<String, Integer>> nonEmpty(Map<String, Map<String, Integer>> filtered) {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        filtered.forEach((k, v) -> {
            if (!v.isEmpty()) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Manifest annotation {@code org.opencontainers.image.created}, else config {@code created}, else now. */
    static long timestamp(Image image) {
        for (boolean manifest : new boolean[] {true, false}) {
            try {
                String created;
                if (manifest) {
                    JsonNode annotation = SpecMapper.json().readTree(image.manifestJson()).path("annotations")
                            .path("org.opencontainers.image.created");
                    created = annotation.isTextual() ? annotation.asText() : null;
                } else {
                    created = ImageConfig.read(image.configJson()).created();
                }
                if (created != null) {
                    return OffsetDateTime.parse(created).toEpochSecond();
                }
            } catch (IOException | DateTimeParseException e) {
                log.debug("no usable creation time in image JSON: {}", e.getMessage());
            }
        }
        return Instant.now().getEpochSecond();
    }
}
