package dev.bootcj.ostree;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/**
 * The libostree 2022.7 structs callers allocate, as FFM layouts with explicit padding. Each is compared with
 * gcc's {@code sizeof}/{@code offsetof} by {@code OstreeBindingTest.structLayoutsMatchC}. Allocate zeroed (libostree reads the
 * {@code unused_*} fields).
 */
final class Structs {
    private Structs() {
    }

    /** {@code OstreeSysrootDeployTreeOpts} (128 bytes). */
    static final StructLayout DEPLOY_TREE_OPTS = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(8, JAVA_INT).withName("unused_bools"),
            MemoryLayout.sequenceLayout(8, JAVA_INT).withName("unused_ints"),
            ADDRESS.withName("override_kernel_argv"),
            ADDRESS.withName("overlay_initrds"),
            MemoryLayout.sequenceLayout(6, ADDRESS).withName("unused_ptrs"));
    static final long DEPLOY_TREE_OPTS_OVERRIDE_KERNEL_ARGV = offset(DEPLOY_TREE_OPTS, "override_kernel_argv");

    /** {@code OstreeSysrootWriteDeploymentsOpts} (120 bytes). */
    static final StructLayout WRITE_DEPLOYMENTS_OPTS = MemoryLayout.structLayout(
            JAVA_INT.withName("do_postclean"),
            MemoryLayout.sequenceLayout(7, JAVA_INT).withName("unused_bools"),
            MemoryLayout.sequenceLayout(7, JAVA_INT).withName("unused_ints"),
            MemoryLayout.paddingLayout(4),
            MemoryLayout.sequenceLayout(7, ADDRESS).withName("unused_ptrs"));

    /** {@code OstreeRepoCheckoutAtOptions} (152 bytes). */
    static final StructLayout CHECKOUT_AT_OPTIONS = MemoryLayout.structLayout(
            JAVA_INT.withName("mode"), JAVA_INT.withName("overwrite_mode"),
            JAVA_INT.withName("enable_uncompressed_cache"), JAVA_INT.withName("enable_fsync"),
            JAVA_INT.withName("process_whiteouts"), JAVA_INT.withName("no_copy_fallback"),
            JAVA_INT.withName("force_copy"), JAVA_INT.withName("bareuseronly_dirs"),
            JAVA_INT.withName("force_copy_zerosized"), JAVA_INT.withName("process_passthrough_whiteouts"),
            MemoryLayout.sequenceLayout(3, JAVA_INT).withName("unused_bools"), MemoryLayout.paddingLayout(4),
            ADDRESS.withName("subpath"), ADDRESS.withName("devino_to_csum_cache"),
            MemoryLayout.sequenceLayout(6, JAVA_INT).withName("unused_ints"),
            MemoryLayout.sequenceLayout(3, ADDRESS).withName("unused_ptrs"),
            ADDRESS.withName("filter"), ADDRESS.withName("filter_user_data"),
            ADDRESS.withName("sepolicy"), ADDRESS.withName("sepolicy_prefix"));
    static final long CHECKOUT_MODE = offset(CHECKOUT_AT_OPTIONS, "mode");
    static final long CHECKOUT_OVERWRITE_MODE = offset(CHECKOUT_AT_OPTIONS, "overwrite_mode");
    static final long CHECKOUT_SUBPATH = offset(CHECKOUT_AT_OPTIONS, "subpath");

    /** {@code OstreeRepoTransactionStats} (56 bytes), filled by {@code ostree_repo_commit_transaction}. */
    static final StructLayout TRANSACTION_STATS = MemoryLayout.structLayout(
            JAVA_INT.withName("metadata_objects_total"), JAVA_INT.withName("metadata_objects_written"),
            JAVA_INT.withName("content_objects_total"), JAVA_INT.withName("content_objects_written"),
            JAVA_LONG.withName("content_bytes_written"), JAVA_INT.withName("devino_cache_hits"),
            JAVA_INT.withName("padding1"), JAVA_LONG.withName("padding2"), JAVA_LONG.withName("padding3"),
            JAVA_LONG.withName("padding4"));

    /** The byte offset of {@code field} in {@code layout}. */
    static long offset(StructLayout layout, String field) {
        return layout.byteOffset(MemoryLayout.PathElement.groupElement(field));
    }
}
