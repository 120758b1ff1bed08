/**
 * Decompression: gzip (JDK) and zstd (libzstd through FFM, streaming). Internal to the core module.
 */
package dev.bootcj.compress;
