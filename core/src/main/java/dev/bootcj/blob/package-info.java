/**
 * Blobs: streams whose digest and size are verified while they are read
 * ({@link dev.bootcj.blob.VerifyingInputStream}), resumable downloads to a temp file moved into place atomically
 * ({@link dev.bootcj.blob.BlobDownloader}), and the content-addressed store of an OCI layout
 * ({@link dev.bootcj.blob.BlobStore}). Internal to the core module (registry and import code).
 */
package dev.bootcj.blob;
