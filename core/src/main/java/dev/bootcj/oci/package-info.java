/**
 * OCI and Docker image model: digests, descriptors, media types, manifests, indexes, image configs, platforms, and image references (container grammar and bootc's {@code ostree-*} origin forms). Exported.
 */
package dev.bootcj.oci;
