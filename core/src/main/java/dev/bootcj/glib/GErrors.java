package dev.bootcj.glib;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.bootcj.GLibException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place GErrors are read and freed. Call shape (java-gi's):
 * {@snippet :
 * try (Arena arena = Arena.ofConfined()) {
 *     MemorySegment error = GErrors.slot(arena);
 *     int ok = LibOstree.ostree_repo_open(repo, MemorySegment.NULL, error);
 *     GErrors.check(ok, error, "opening repository " + path);
 * }
 * }
 */
@SuppressWarnings("restricted")
public final class GErrors {
    private static final Logger log = LoggerFactory.getLogger(GErrors.class);

    /** {@code struct GError { GQuark domain; gint code; gchar *message; }}. */
    static final StructLayout GERROR = MemoryLayout.structLayout(
            JAVA_INT.withName("domain"), JAVA_INT.withName("code"), ADDRESS.withName("message"));

    private GErrors() {
    }

    /** A zeroed {@code GError*} cell to pass as {@code GError **error}. */
    public static MemorySegment slot(Arena arena) {
        return arena.allocate(ADDRESS);
    }

    /** Whether the function set a GError in {@code slot}. */
    public static boolean isErrorSet(MemorySegment slot) {
        return !slot.get(ADDRESS, 0).equals(MemorySegment.NULL);
    }

    /** Throws if {@code gboolean ok} is FALSE (with or without a GError set). */
    public static void check(int ok, MemorySegment slot, String operation) throws GLibException {
        if (ok == 0) {
            throw take(slot, operation);
        }
    }

    /** Returns {@code result}, or throws if it is NULL (a function returning a pointer on success). */
    public static MemorySegment checkPointer(MemorySegment result, MemorySegment slot, String operation)
            throws GLibException {
        if (result.equals(MemorySegment.NULL)) {
            throw take(slot, operation);
        }
        return result;
    }

    /**
     * Reads and frees the GError in {@code slot} (leaving the slot NULL) and returns it as an exception. A
     * failure with no GError set is a failed precondition ({@code g_return_val_if_fail}), reported as such.
     */
    public static GLibException take(MemorySegment slot, String operation) {
        MemorySegment error = slot.get(ADDRESS, 0);
        GLibException exception;
        if (error.equals(MemorySegment.NULL)) {
            exception = new GLibException(operation, GLibException.PRECONDITION_DOMAIN, 0,
                    "failed without an error (a precondition of the C function did not hold)");
        } else {
            MemorySegment e = error.reinterpret(GERROR.byteSize());
            int domain = e.get(JAVA_INT, 0);
            int code = e.get(JAVA_INT, 4);
            MemorySegment message = e.get(ADDRESS, 8);
            String text = message.equals(MemorySegment.NULL) ? "(no message)" : GStrings.peek(message);
            String quark = GStrings.peek(GLib.g_quark_to_string(domain));
            GLib.g_error_free(error);
            slot.set(ADDRESS, 0, MemorySegment.NULL);
            exception = new GLibException(operation, quark, code, text);
        }
        log.debug("{} failed: [{}:{}] {}", operation, exception.domain(), exception.code(), exception.glibMessage());
        return exception;
    }
}
