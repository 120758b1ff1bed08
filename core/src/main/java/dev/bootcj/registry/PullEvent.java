package dev.bootcj.registry;

import dev.bootcj.oci.Descriptor;
import dev.bootcj.oci.Digest;

/** Progress of a pull, per blob, for the shell to render. Events of different blobs interleave. */
public sealed interface PullEvent {
    /** The blob. */
    Digest digest();

    /** A blob download starts ({@code alreadyPresent} when it is skipped). */
    record Started(Descriptor blob, boolean alreadyPresent) implements PullEvent {
        @Override
        public Digest digest() {
            return blob.digest();
        }
    }

    /** {@code done} of {@code total} bytes written. */
    record Progress(Digest digest, long done, long total) implements PullEvent {
    }

    /** The stream broke at {@code offset}; the download resumes there. */
    record Resumed(Digest digest, long offset, String cause) implements PullEvent {
    }

    /** The blob is stored and verified. */
    record Done(Digest digest, long total) implements PullEvent {
    }
}
