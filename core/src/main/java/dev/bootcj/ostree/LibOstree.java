package dev.bootcj.ostree;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.bootcj.sys.NativeLibrary;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The thin binding to libostree-1.so.1: one lazy holder per symbol, C names, exact {@code invokeExact} calls.
 * Written by {@code native-headers/tools/gen_binding.py} from {@code ostree-bound.h}, which gcc
 * checks against the system headers; callers use the safe API of this package instead.
 */
@SuppressWarnings({"restricted", "unused"})
final class LibOstree {
    static final NativeLibrary LIB = NativeLibrary.load("libostree-1.so.1", "libostree-1-1");

    private LibOstree() {
    }

    private static final class ostree_repo_new {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_new", DESC);
    }

    /** {@snippet lang=c : OstreeRepo* ostree_repo_new (GFile *path); } */
    static MemorySegment ostree_repo_new(MemorySegment path) {
        try {
            return (MemorySegment) ostree_repo_new.HANDLE.invokeExact(path);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_open {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_open", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_repo_open (OstreeRepo *self, GCancellable *cancellable, GError **error); } */
    static int ostree_repo_open(MemorySegment self, MemorySegment cancellable, MemorySegment error) {
        try {
            return (int) ostree_repo_open.HANDLE.invokeExact(self, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_create {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_create", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_repo_create (OstreeRepo *self, OstreeRepoMode mode, GCancellable *cancellable, GError **error); } */
    static int ostree_repo_create(MemorySegment self, int mode, MemorySegment cancellable, MemorySegment error) {
        try {
            return (int) ostree_repo_create.HANDLE.invokeExact(self, mode, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_get_mode {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_get_mode", DESC);
    }

    /** {@snippet lang=c : OstreeRepoMode ostree_repo_get_mode (OstreeRepo *self); } */
    static int ostree_repo_get_mode(MemorySegment self) {
        try {
            return (int) ostree_repo_get_mode.HANDLE.invokeExact(self);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_get_dfd {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_get_dfd", DESC);
    }

    /** {@snippet lang=c : int ostree_repo_get_dfd (OstreeRepo *self); } */
    static int ostree_repo_get_dfd(MemorySegment self) {
        try {
            return (int) ostree_repo_get_dfd.HANDLE.invokeExact(self);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_copy_config {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_copy_config", DESC);
    }

    /** {@snippet lang=c : GKeyFile * ostree_repo_copy_config (OstreeRepo *self); } */
    static MemorySegment ostree_repo_copy_config(MemorySegment self) {
        try {
            return (MemorySegment) ostree_repo_copy_config.HANDLE.invokeExact(self);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_write_config {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_write_config", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_repo_write_config (OstreeRepo *self, GKeyFile *new_config, GError **error); } */
    static int ostree_repo_write_config(MemorySegment self, MemorySegment new_config, MemorySegment error) {
        try {
            return (int) ostree_repo_write_config.HANDLE.invokeExact(self, new_config, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_get_bootloader {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_get_bootloader", DESC);
    }

    /** {@snippet lang=c : const gchar * ostree_repo_get_bootloader (OstreeRepo *self); } */
    static MemorySegment ostree_repo_get_bootloader(MemorySegment self) {
        try {
            return (MemorySegment) ostree_repo_get_bootloader.HANDLE.invokeExact(self);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_prepare_transaction {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_prepare_transaction", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_repo_prepare_transaction (OstreeRepo *self, gboolean *out_transaction_resume, GCancellable *cancellable, GError **error); } */
    static int ostree_repo_prepare_transaction(MemorySegment self, MemorySegment out_transaction_resume, MemorySegment cancellable, MemorySegment error) {
        try {
            return (int) ostree_repo_prepare_transaction.HANDLE.invokeExact(self, out_transaction_resume, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_commit_transaction {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_commit_transaction", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_repo_commit_transaction (OstreeRepo *self, OstreeRepoTransactionStats *out_stats, GCancellable *cancellable, GError **error); } */
    static int ostree_repo_commit_transaction(MemorySegment self, MemorySegment out_stats, MemorySegment cancellable, MemorySegment error) {
        try {
            return (int) ostree_repo_commit_transaction.HANDLE.invokeExact(self, out_stats, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_abort_transaction {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_abort_transaction", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_repo_abort_transaction (OstreeRepo *self, GCancellable *cancellable, GError **error); } */
    static int ostree_repo_abort_transaction(MemorySegment self, MemorySegment cancellable, MemorySegment error) {
        try {
            return (int) ostree_repo_abort_transaction.HANDLE.invokeExact(self, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_transaction_set_ref {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_transaction_set_ref", DESC);
    }

    /** {@snippet lang=c : void ostree_repo_transaction_set_ref (OstreeRepo *self, const char *remote, const char *ref, const char *checksum); } */
    static void ostree_repo_transaction_set_ref(MemorySegment self, MemorySegment remote, MemorySegment ref, MemorySegment checksum) {
        try {
            ostree_repo_transaction_set_ref.HANDLE.invokeExact(self, remote, ref, checksum);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_set_ref_immediate {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_set_ref_immediate", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_repo_set_ref_immediate (OstreeRepo *self, const char *remote, const char *ref, const char *checksum, GCancellable *cancellable, GError **error); } */
    static int ostree_repo_set_ref_immediate(MemorySegment self, MemorySegment remote, MemorySegment ref, MemorySegment checksum, MemorySegment cancellable, MemorySegment error) {
        try {
            return (int) ostree_repo_set_ref_immediate.HANDLE.invokeExact(self, remote, ref, checksum, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_write_metadata {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_write_metadata", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_repo_write_metadata (OstreeRepo *self, OstreeObjectType objtype, const char *expected_checksum, GVariant *object, guchar **out_csum, GCancellable *cancellable, GError **error); } */
    static int ostree_repo_write_metadata(MemorySegment self, int objtype, MemorySegment expected_checksum, MemorySegment object, MemorySegment out_csum, MemorySegment cancellable, MemorySegment error) {
        try {
            return (int) ostree_repo_write_metadata.HANDLE.invokeExact(self, objtype, expected_checksum, object, out_csum, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_write_regfile {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_write_regfile", DESC);
    }

    /** {@snippet lang=c : OstreeContentWriter * ostree_repo_write_regfile (OstreeRepo *self, const char *expected_checksum, guint32 uid, guint32 gid, guint32 mode, guint64 content_len, GVariant *xattrs, GError **error); } */
    static MemorySegment ostree_repo_write_regfile(MemorySegment self, MemorySegment expected_checksum, int uid, int gid, int mode, long content_len, MemorySegment xattrs, MemorySegment error) {
        try {
            return (MemorySegment) ostree_repo_write_regfile.HANDLE.invokeExact(self, expected_checksum, uid, gid, mode, content_len, xattrs, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_content_writer_finish {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_content_writer_finish", DESC);
    }

    /** {@snippet lang=c : char * ostree_content_writer_finish (OstreeContentWriter *self, GCancellable *cancellable, GError **error); } */
    static MemorySegment ostree_content_writer_finish(MemorySegment self, MemorySegment cancellable, MemorySegment error) {
        try {
            return (MemorySegment) ostree_content_writer_finish.HANDLE.invokeExact(self, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_write_regfile_inline {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_write_regfile_inline", DESC);
    }

    /** {@snippet lang=c : char * ostree_repo_write_regfile_inline (OstreeRepo *self, const char *expected_checksum, guint32 uid, guint32 gid, guint32 mode, GVariant *xattrs, const guint8* buf, gsize len, GCancellable *cancellable, GError **error); } */
    static MemorySegment ostree_repo_write_regfile_inline(MemorySegment self, MemorySegment expected_checksum, int uid, int gid, int mode, MemorySegment xattrs, MemorySegment buf, long len, MemorySegment cancellable, MemorySegment error) {
        try {
            return (MemorySegment) ostree_repo_write_regfile_inline.HANDLE.invokeExact(self, expected_checksum, uid, gid, mode, xattrs, buf, len, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_write_symlink {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_write_symlink", DESC);
    }

    /** {@snippet lang=c : char * ostree_repo_write_symlink (OstreeRepo *self, const char *expected_checksum, guint32 uid, guint32 gid, GVariant *xattrs, const char *symlink_target, GCancellable *cancellable, GError **error); } */
    static MemorySegment ostree_repo_write_symlink(MemorySegment self, MemorySegment expected_checksum, int uid, int gid, MemorySegment xattrs, MemorySegment symlink_target, MemorySegment cancellable, MemorySegment error) {
        try {
            return (MemorySegment) ostree_repo_write_symlink.HANDLE.invokeExact(self, expected_checksum, uid, gid, xattrs, symlink_target, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_write_commit_detached_metadata {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_write_commit_detached_metadata", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_repo_write_commit_detached_metadata (OstreeRepo *self, const char *checksum, GVariant *metadata, GCancellable *cancellable, GError **error); } */
    static int ostree_repo_write_commit_detached_metadata(MemorySegment self, MemorySegment checksum, MemorySegment metadata, MemorySegment cancellable, MemorySegment error) {
        try {
            return (int) ostree_repo_write_commit_detached_metadata.HANDLE.invokeExact(self, checksum, metadata, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_write_mtree {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_write_mtree", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_repo_write_mtree (OstreeRepo *self, OstreeMutableTree *mtree, GFile **out_file, GCancellable *cancellable, GError **error); } */
    static int ostree_repo_write_mtree(MemorySegment self, MemorySegment mtree, MemorySegment out_file, MemorySegment cancellable, MemorySegment error) {
        try {
            return (int) ostree_repo_write_mtree.HANDLE.invokeExact(self, mtree, out_file, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_write_commit_with_time {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_write_commit_with_time", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_repo_write_commit_with_time (OstreeRepo *self, const char *parent, const char *subject, const char *body, GVariant *metadata, OstreeRepoFile *root, guint64 time, char **out_commit, GCancellable *cancellable, GError **error); } */
    static int ostree_repo_write_commit_with_time(MemorySegment self, MemorySegment parent, MemorySegment subject, MemorySegment body, MemorySegment metadata, MemorySegment root, long time, MemorySegment out_commit, MemorySegment cancellable, MemorySegment error) {
        try {
            return (int) ostree_repo_write_commit_with_time.HANDLE.invokeExact(self, parent, subject, body, metadata, root, time, out_commit, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_load_commit {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_load_commit", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_repo_load_commit (OstreeRepo *self, const char *checksum, GVariant **out_commit, OstreeRepoCommitState *out_state, GError **error); } */
    static int ostree_repo_load_commit(MemorySegment self, MemorySegment checksum, MemorySegment out_commit, MemorySegment out_state, MemorySegment error) {
        try {
            return (int) ostree_repo_load_commit.HANDLE.invokeExact(self, checksum, out_commit, out_state, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_read_commit_detached_metadata {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_read_commit_detached_metadata", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_repo_read_commit_detached_metadata (OstreeRepo *self, const char *checksum, GVariant **out_metadata, GCancellable *cancellable, GError **error); } */
    static int ostree_repo_read_commit_detached_metadata(MemorySegment self, MemorySegment checksum, MemorySegment out_metadata, MemorySegment cancellable, MemorySegment error) {
        try {
            return (int) ostree_repo_read_commit_detached_metadata.HANDLE.invokeExact(self, checksum, out_metadata, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_load_variant {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_load_variant", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_repo_load_variant (OstreeRepo *self, OstreeObjectType objtype, const char *sha256, GVariant **out_variant, GError **error); } */
    static int ostree_repo_load_variant(MemorySegment self, int objtype, MemorySegment sha256, MemorySegment out_variant, MemorySegment error) {
        try {
            return (int) ostree_repo_load_variant.HANDLE.invokeExact(self, objtype, sha256, out_variant, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_resolve_rev {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_resolve_rev", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_repo_resolve_rev (OstreeRepo *self, const char *refspec, gboolean allow_noent, char **out_rev, GError **error); } */
    static int ostree_repo_resolve_rev(MemorySegment self, MemorySegment refspec, int allow_noent, MemorySegment out_rev, MemorySegment error) {
        try {
            return (int) ostree_repo_resolve_rev.HANDLE.invokeExact(self, refspec, allow_noent, out_rev, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_list_refs_ext {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_list_refs_ext", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_repo_list_refs_ext (OstreeRepo *self, const char *refspec_prefix, GHashTable **out_all_refs, OstreeRepoListRefsExtFlags flags, GCancellable *cancellable, GError **error); } */
    static int ostree_repo_list_refs_ext(MemorySegment self, MemorySegment refspec_prefix, MemorySegment out_all_refs, int flags, MemorySegment cancellable, MemorySegment error) {
        try {
            return (int) ostree_repo_list_refs_ext.HANDLE.invokeExact(self, refspec_prefix, out_all_refs, flags, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_checkout_at {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_checkout_at", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_repo_checkout_at (OstreeRepo *self, OstreeRepoCheckoutAtOptions *options, int destination_dfd, const char *destination_path, const char *commit, GCancellable *cancellable, GError **error); } */
    static int ostree_repo_checkout_at(MemorySegment self, MemorySegment options, int destination_dfd, MemorySegment destination_path, MemorySegment commit, MemorySegment cancellable, MemorySegment error) {
        try {
            return (int) ostree_repo_checkout_at.HANDLE.invokeExact(self, options, destination_dfd, destination_path, commit, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_prune {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_prune", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_repo_prune (OstreeRepo *self, OstreeRepoPruneFlags flags, gint depth, gint *out_objects_total, gint *out_objects_pruned, guint64 *out_pruned_object_size_total, GCancellable *cancellable, GError **error); } */
    static int ostree_repo_prune(MemorySegment self, int flags, int depth, MemorySegment out_objects_total, MemorySegment out_objects_pruned, MemorySegment out_pruned_object_size_total, MemorySegment cancellable, MemorySegment error) {
        try {
            return (int) ostree_repo_prune.HANDLE.invokeExact(self, flags, depth, out_objects_total, out_objects_pruned, out_pruned_object_size_total, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_repo_load_file {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_repo_load_file", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_repo_load_file (OstreeRepo *self, const char *checksum, GInputStream **out_input, GFileInfo **out_file_info, GVariant **out_xattrs, GCancellable *cancellable, GError **error); } */
    static int ostree_repo_load_file(MemorySegment self, MemorySegment checksum, MemorySegment out_input, MemorySegment out_file_info, MemorySegment out_xattrs, MemorySegment cancellable, MemorySegment error) {
        try {
            return (int) ostree_repo_load_file.HANDLE.invokeExact(self, checksum, out_input, out_file_info, out_xattrs, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_mutable_tree_new_from_checksum {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_mutable_tree_new_from_checksum", DESC);
    }

    /** {@snippet lang=c : OstreeMutableTree * ostree_mutable_tree_new_from_checksum (OstreeRepo *repo, const char *contents_checksum, const char *metadata_checksum); } */
    static MemorySegment ostree_mutable_tree_new_from_checksum(MemorySegment repo, MemorySegment contents_checksum, MemorySegment metadata_checksum) {
        try {
            return (MemorySegment) ostree_mutable_tree_new_from_checksum.HANDLE.invokeExact(repo, contents_checksum, metadata_checksum);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_commit_get_timestamp {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_LONG, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_commit_get_timestamp", DESC);
    }

    /** {@snippet lang=c : guint64 ostree_commit_get_timestamp (GVariant *commit_variant); } */
    static long ostree_commit_get_timestamp(MemorySegment commit_variant) {
        try {
            return (long) ostree_commit_get_timestamp.HANDLE.invokeExact(commit_variant);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_commit_get_parent {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_commit_get_parent", DESC);
    }

    /** {@snippet lang=c : gchar * ostree_commit_get_parent (GVariant *commit_variant); } */
    static MemorySegment ostree_commit_get_parent(MemorySegment commit_variant) {
        try {
            return (MemorySegment) ostree_commit_get_parent.HANDLE.invokeExact(commit_variant);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_sysroot_new {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_sysroot_new", DESC);
    }

    /** {@snippet lang=c : OstreeSysroot* ostree_sysroot_new (GFile *path); } */
    static MemorySegment ostree_sysroot_new(MemorySegment path) {
        try {
            return (MemorySegment) ostree_sysroot_new.HANDLE.invokeExact(path);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_sysroot_load {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_sysroot_load", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_sysroot_load (OstreeSysroot *self, GCancellable *cancellable, GError **error); } */
    static int ostree_sysroot_load(MemorySegment self, MemorySegment cancellable, MemorySegment error) {
        try {
            return (int) ostree_sysroot_load.HANDLE.invokeExact(self, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_sysroot_is_booted {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_sysroot_is_booted", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_sysroot_is_booted (OstreeSysroot *self); } */
    static int ostree_sysroot_is_booted(MemorySegment self) {
        try {
            return (int) ostree_sysroot_is_booted.HANDLE.invokeExact(self);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_sysroot_try_lock {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_sysroot_try_lock", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_sysroot_try_lock (OstreeSysroot *self, gboolean *out_acquired, GError **error); } */
    static int ostree_sysroot_try_lock(MemorySegment self, MemorySegment out_acquired, MemorySegment error) {
        try {
            return (int) ostree_sysroot_try_lock.HANDLE.invokeExact(self, out_acquired, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_sysroot_unlock {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_sysroot_unlock", DESC);
    }

    /** {@snippet lang=c : void ostree_sysroot_unlock (OstreeSysroot *self); } */
    static void ostree_sysroot_unlock(MemorySegment self) {
        try {
            ostree_sysroot_unlock.HANDLE.invokeExact(self);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_sysroot_set_mount_namespace_in_use {
        static final FunctionDescriptor DESC = FunctionDescriptor.ofVoid(ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_sysroot_set_mount_namespace_in_use", DESC);
    }

    /** {@snippet lang=c : void ostree_sysroot_set_mount_namespace_in_use (OstreeSysroot *self); } */
    static void ostree_sysroot_set_mount_namespace_in_use(MemorySegment self) {
        try {
            ostree_sysroot_set_mount_namespace_in_use.HANDLE.invokeExact(self);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_sysroot_ensure_initialized {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_sysroot_ensure_initialized", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_sysroot_ensure_initialized (OstreeSysroot *self, GCancellable *cancellable, GError **error); } */
    static int ostree_sysroot_ensure_initialized(MemorySegment self, MemorySegment cancellable, MemorySegment error) {
        try {
            return (int) ostree_sysroot_ensure_initialized.HANDLE.invokeExact(self, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_sysroot_init_osname {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_sysroot_init_osname", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_sysroot_init_osname (OstreeSysroot *self, const char *osname, GCancellable *cancellable, GError **error); } */
    static int ostree_sysroot_init_osname(MemorySegment self, MemorySegment osname, MemorySegment cancellable, MemorySegment error) {
        try {
            return (int) ostree_sysroot_init_osname.HANDLE.invokeExact(self, osname, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_sysroot_repo {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_sysroot_repo", DESC);
    }

    /** {@snippet lang=c : OstreeRepo * ostree_sysroot_repo (OstreeSysroot *self); } */
    static MemorySegment ostree_sysroot_repo(MemorySegment self) {
        try {
            return (MemorySegment) ostree_sysroot_repo.HANDLE.invokeExact(self);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_sysroot_get_deployments {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_sysroot_get_deployments", DESC);
    }

    /** {@snippet lang=c : GPtrArray *ostree_sysroot_get_deployments (OstreeSysroot *self); } */
    static MemorySegment ostree_sysroot_get_deployments(MemorySegment self) {
        try {
            return (MemorySegment) ostree_sysroot_get_deployments.HANDLE.invokeExact(self);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_sysroot_get_booted_deployment {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_sysroot_get_booted_deployment", DESC);
    }

    /** {@snippet lang=c : OstreeDeployment *ostree_sysroot_get_booted_deployment (OstreeSysroot *self); } */
    static MemorySegment ostree_sysroot_get_booted_deployment(MemorySegment self) {
        try {
            return (MemorySegment) ostree_sysroot_get_booted_deployment.HANDLE.invokeExact(self);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_sysroot_get_merge_deployment {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_sysroot_get_merge_deployment", DESC);
    }

    /** {@snippet lang=c : OstreeDeployment *ostree_sysroot_get_merge_deployment (OstreeSysroot *self, const char *osname); } */
    static MemorySegment ostree_sysroot_get_merge_deployment(MemorySegment self, MemorySegment osname) {
        try {
            return (MemorySegment) ostree_sysroot_get_merge_deployment.HANDLE.invokeExact(self, osname);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_sysroot_deploy_tree_with_options {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_sysroot_deploy_tree_with_options", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_sysroot_deploy_tree_with_options (OstreeSysroot *self, const char *osname, const char *revision, GKeyFile *origin, OstreeDeployment *provided_merge_deployment, OstreeSysrootDeployTreeOpts *opts, OstreeDeployment **out_new_deployment, GCancellable *cancellable, GError **error); } */
    static int ostree_sysroot_deploy_tree_with_options(MemorySegment self, MemorySegment osname, MemorySegment revision, MemorySegment origin, MemorySegment provided_merge_deployment, MemorySegment opts, MemorySegment out_new_deployment, MemorySegment cancellable, MemorySegment error) {
        try {
            return (int) ostree_sysroot_deploy_tree_with_options.HANDLE.invokeExact(self, osname, revision, origin, provided_merge_deployment, opts, out_new_deployment, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_sysroot_stage_tree_with_options {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_sysroot_stage_tree_with_options", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_sysroot_stage_tree_with_options (OstreeSysroot *self, const char *osname, const char *revision, GKeyFile *origin, OstreeDeployment *merge_deployment, OstreeSysrootDeployTreeOpts *opts, OstreeDeployment **out_new_deployment, GCancellable *cancellable, GError **error); } */
    static int ostree_sysroot_stage_tree_with_options(MemorySegment self, MemorySegment osname, MemorySegment revision, MemorySegment origin, MemorySegment merge_deployment, MemorySegment opts, MemorySegment out_new_deployment, MemorySegment cancellable, MemorySegment error) {
        try {
            return (int) ostree_sysroot_stage_tree_with_options.HANDLE.invokeExact(self, osname, revision, origin, merge_deployment, opts, out_new_deployment, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_sysroot_simple_write_deployment {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_sysroot_simple_write_deployment", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_sysroot_simple_write_deployment (OstreeSysroot *sysroot, const char *osname, OstreeDeployment *new_deployment, OstreeDeployment *merge_deployment, OstreeSysrootSimpleWriteDeploymentFlags flags, GCancellable *cancellable, GError **error); } */
    static int ostree_sysroot_simple_write_deployment(MemorySegment sysroot, MemorySegment osname, MemorySegment new_deployment, MemorySegment merge_deployment, int flags, MemorySegment cancellable, MemorySegment error) {
        try {
            return (int) ostree_sysroot_simple_write_deployment.HANDLE.invokeExact(sysroot, osname, new_deployment, merge_deployment, flags, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_sysroot_write_deployments_with_options {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_sysroot_write_deployments_with_options", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_sysroot_write_deployments_with_options (OstreeSysroot *self, GPtrArray *new_deployments, OstreeSysrootWriteDeploymentsOpts *opts, GCancellable *cancellable, GError **error); } */
    static int ostree_sysroot_write_deployments_with_options(MemorySegment self, MemorySegment new_deployments, MemorySegment opts, MemorySegment cancellable, MemorySegment error) {
        try {
            return (int) ostree_sysroot_write_deployments_with_options.HANDLE.invokeExact(self, new_deployments, opts, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_sysroot_write_origin_file {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_sysroot_write_origin_file", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_sysroot_write_origin_file (OstreeSysroot *sysroot, OstreeDeployment *deployment, GKeyFile *new_origin, GCancellable *cancellable, GError **error); } */
    static int ostree_sysroot_write_origin_file(MemorySegment sysroot, MemorySegment deployment, MemorySegment new_origin, MemorySegment cancellable, MemorySegment error) {
        try {
            return (int) ostree_sysroot_write_origin_file.HANDLE.invokeExact(sysroot, deployment, new_origin, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_sysroot_cleanup {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_sysroot_cleanup", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_sysroot_cleanup (OstreeSysroot *self, GCancellable *cancellable, GError **error); } */
    static int ostree_sysroot_cleanup(MemorySegment self, MemorySegment cancellable, MemorySegment error) {
        try {
            return (int) ostree_sysroot_cleanup.HANDLE.invokeExact(self, cancellable, error);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_deployment_get_csum {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_deployment_get_csum", DESC);
    }

    /** {@snippet lang=c : const char *ostree_deployment_get_csum (OstreeDeployment *self); } */
    static MemorySegment ostree_deployment_get_csum(MemorySegment self) {
        try {
            return (MemorySegment) ostree_deployment_get_csum.HANDLE.invokeExact(self);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_deployment_get_osname {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_deployment_get_osname", DESC);
    }

    /** {@snippet lang=c : const char *ostree_deployment_get_osname (OstreeDeployment *self); } */
    static MemorySegment ostree_deployment_get_osname(MemorySegment self) {
        try {
            return (MemorySegment) ostree_deployment_get_osname.HANDLE.invokeExact(self);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_deployment_get_deployserial {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_deployment_get_deployserial", DESC);
    }

    /** {@snippet lang=c : int ostree_deployment_get_deployserial (OstreeDeployment *self); } */
    static int ostree_deployment_get_deployserial(MemorySegment self) {
        try {
            return (int) ostree_deployment_get_deployserial.HANDLE.invokeExact(self);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_deployment_get_bootcsum {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_deployment_get_bootcsum", DESC);
    }

    /** {@snippet lang=c : const char *ostree_deployment_get_bootcsum (OstreeDeployment *self); } */
    static MemorySegment ostree_deployment_get_bootcsum(MemorySegment self) {
        try {
            return (MemorySegment) ostree_deployment_get_bootcsum.HANDLE.invokeExact(self);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_deployment_get_bootserial {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_deployment_get_bootserial", DESC);
    }

    /** {@snippet lang=c : int ostree_deployment_get_bootserial (OstreeDeployment *self); } */
    static int ostree_deployment_get_bootserial(MemorySegment self) {
        try {
            return (int) ostree_deployment_get_bootserial.HANDLE.invokeExact(self);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_deployment_get_index {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_deployment_get_index", DESC);
    }

    /** {@snippet lang=c : int ostree_deployment_get_index (OstreeDeployment *self); } */
    static int ostree_deployment_get_index(MemorySegment self) {
        try {
            return (int) ostree_deployment_get_index.HANDLE.invokeExact(self);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_deployment_get_origin {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_deployment_get_origin", DESC);
    }

    /** {@snippet lang=c : GKeyFile *ostree_deployment_get_origin (OstreeDeployment *self); } */
    static MemorySegment ostree_deployment_get_origin(MemorySegment self) {
        try {
            return (MemorySegment) ostree_deployment_get_origin.HANDLE.invokeExact(self);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_deployment_get_bootconfig {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_deployment_get_bootconfig", DESC);
    }

    /** {@snippet lang=c : OstreeBootconfigParser *ostree_deployment_get_bootconfig (OstreeDeployment *self); } */
    static MemorySegment ostree_deployment_get_bootconfig(MemorySegment self) {
        try {
            return (MemorySegment) ostree_deployment_get_bootconfig.HANDLE.invokeExact(self);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_deployment_is_pinned {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_deployment_is_pinned", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_deployment_is_pinned (OstreeDeployment *self); } */
    static int ostree_deployment_is_pinned(MemorySegment self) {
        try {
            return (int) ostree_deployment_is_pinned.HANDLE.invokeExact(self);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_deployment_is_staged {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(JAVA_INT, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_deployment_is_staged", DESC);
    }

    /** {@snippet lang=c : gboolean ostree_deployment_is_staged (OstreeDeployment *self); } */
    static int ostree_deployment_is_staged(MemorySegment self) {
        try {
            return (int) ostree_deployment_is_staged.HANDLE.invokeExact(self);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }

    private static final class ostree_bootconfig_parser_get {
        static final FunctionDescriptor DESC = FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS);
        static final MethodHandle HANDLE = LIB.downcall("ostree_bootconfig_parser_get", DESC);
    }

    /** {@snippet lang=c : const char *ostree_bootconfig_parser_get (OstreeBootconfigParser *self, const char *key); } */
    static MemorySegment ostree_bootconfig_parser_get(MemorySegment self, MemorySegment key) {
        try {
            return (MemorySegment) ostree_bootconfig_parser_get.HANDLE.invokeExact(self, key);
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("should not reach here", t);
        }
    }
}
