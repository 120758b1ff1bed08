package dev.bootcj.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Byte counting and interruption of the layer stream. */
class ProgressInputStreamTest {
    @Test
    void countsBytesAndStopsWhenInterrupted() throws Exception {
        List<ProgressEvent> events = new ArrayList<>();
        try (ProgressInputStream in = new ProgressInputStream(new ByteArrayInputStream(new byte[10]), "sha256:x", 10,
                events::add)) {
            in.readNBytes(4);
            in.read();
            assertEquals(List.of(new ProgressEvent.LayerBytes("sha256:x", 4, 10),
                    new ProgressEvent.LayerBytes("sha256:x", 5, 10)), events);
            Thread.currentThread().interrupt();
            try {
                assertThrows(InterruptedIOException.class, in::read);
                assertTrue(Thread.currentThread().isInterrupted(), "the flag stays set for the caller");
            } finally {
                Thread.interrupted();
            }
            assertEquals(5, in.readAllBytes().length, "reading resumes once the interrupt is cleared");
        }
    }
}
