/**
 * Builds the {@code BootcHost} document from a sysroot and renders it (human-readable, YAML, JSON). Exported.
 */
package dev.bootcj.status;
