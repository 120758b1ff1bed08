/**
 * The import pipeline: image layers into ostree commits, and the merged image commit. Internal to the core module; reached through {@code deploy}.
 */
package dev.bootcj.imports;
