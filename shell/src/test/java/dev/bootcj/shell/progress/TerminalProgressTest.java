package dev.bootcj.shell.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.deploy.ProgressEvent;
import dev.bootcj.deploy.ProgressEvent.Step;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal bars: one line per layer left behind when done, the verb's lines above the live bar, steps. */
class TerminalProgressTest {
    static final String A = "sha256:" + "a".repeat(64);
    static final String B = "sha256:" + "b".repeat(64);

    @Test
    void layersThenStepsWithReporterLinesInBetween() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        TerminalProgress p = new TerminalProgress(out, 200);
        p.onEvent(new ProgressEvent.PullStarted("oci:/x:1", "sha256:" + "c".repeat(64), 3, 2, 4096, 3072));
        p.reporter().line("layers already present: 1; layers needed: 2 (3.0 KiB)");
        p.onEvent(new ProgressEvent.LayerStarted(A, 1024));
        p.onEvent(new ProgressEvent.LayerBytes(A, 512, 1024));
        p.reporter().line("a line while a layer is live");
        p.onEvent(new ProgressEvent.LayerDone(A, 1024));
        p.onEvent(new ProgressEvent.LayerStarted(B, 2048));
        p.onEvent(new ProgressEvent.LayerDone(B, 2048));
        for (Step s : Step.values()) {
            p.onEvent(new ProgressEvent.StepStarted(s, "x"));
            p.onEvent(new ProgressEvent.StepDone(s, "x"));
        }
        // What stays on the screen: each line's text after its last carriage-return + erase-line.
        List<String> screen = List.of(bytes.toString(StandardCharsets.UTF_8).split("\n")).stream()
                .map(l -> l.substring(l.lastIndexOf("\r\033[K") < 0 ? 0 : l.lastIndexOf("\r\033[K") + 4)).toList();
        assertEquals(8, screen.size(), String.join("\n", screen));
        assertEquals("layers already present: 1; layers needed: 2 (3.0 KiB)", screen.get(0));
        assertEquals("a line while a layer is live", screen.get(1));
        String full = "\u2588".repeat(24);
        assertTrue(screen.get(2).startsWith("[1/2] sha256:aaaaaaaaaaaa " + full + " 1.0 KiB in "), screen.get(2));
        assertTrue(screen.get(3).startsWith("[2/2] sha256:bbbbbbbbbbbb " + full + " 2.0 KiB in "), screen.get(3));
        assertTrue(screen.get(4).startsWith("  Importing Image: done in "), screen.get(4));
        assertTrue(screen.get(5).startsWith("  Merging Image: done in "), screen.get(5));
        assertTrue(screen.get(6).startsWith("  Deploying Image: done in "), screen.get(6));
        assertTrue(screen.get(7).startsWith("  Removing old images: done in "), screen.get(7));
        // The live bar was drawn (half full) before the reporter line replaced it.
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("[1/2] sha256:aaaaaaaaaaaa "
                + "\u2588".repeat(12) + "\u2591".repeat(12) + " 512 B/1.0 KiB"), bytes.toString());
    }
}
