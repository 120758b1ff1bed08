/**
 * Builds the {@code BootcHost} document from a sysroot and renders it (human-readable, YAML, JSON). Exported.
 * A status command reads the sysroot's files itself ({@code OnDiskSysroot}: boot entries, origin key files,
 * serialized GVariants, the sysroot lock), so it never loads the native layer; callers that hold a libostree
 * sysroot use the libostree-based reader, which gives the same document.
 */
package dev.bootcj.status;
