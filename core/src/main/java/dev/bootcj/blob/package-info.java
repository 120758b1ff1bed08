/**
 * Blobs: streams whose digest and size are verified while they are read, and the temp-file-then-move store. Internal to the core module.
 */
package dev.bootcj.blob;
