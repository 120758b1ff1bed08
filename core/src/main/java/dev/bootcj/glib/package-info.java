/**
 * GLib, GObject and GIO through FFM: the package-private bindings, GError to {@link dev.bootcj.GLibException}, owned GObject handles, GKeyFile, GVariant and collection helpers for the {@code ostree} package. Not exported.
 */
package dev.bootcj.glib;
