/**
 * Streaming tar reader (ustar, PAX with {@code SCHILY.xattr.*}, GNU long names) with bounded memory. Internal to the core module.
 */
package dev.bootcj.tar;
