/**
 * Bootloader tooling (grub, partitioning, mkfs) run as processes through one task builder. Internal to the core module.
 */
package dev.bootcj.boot;
