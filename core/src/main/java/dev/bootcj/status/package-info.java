/**
 * Builds the {@code BootcHost} document from a sysroot and renders it (human-readable, YAML, JSON). Exported.
 * The document is read from the sysroot's files ({@code OnDiskSysroot}: boot entries, origin key files,
 * serialized GVariants, the sysroot lock), so a status command never loads the native layer; the deployment
 * verbs read the same files under the lock they hold. The tests compare it with libostree's view.
 */
package dev.bootcj.status;
