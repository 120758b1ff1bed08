package dev.bootcj.shell.progress;

import dev.bootcj.Bytes;
import dev.bootcj.deploy.ProgressEvent;
import dev.bootcj.deploy.ProgressListener;
import dev.bootcj.deploy.Reporter;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Live progress on a terminal: one bar per layer (bytes, rate, ETA), redrawn in place at most 10 times a second
 * and left as a summary line when the layer is done, then one line per step (importing, merging, deploying,
 * cleanup). Lines the verb prints go through {@link #reporter()}, which keeps them above the live bar.
 */
public final class TerminalProgress implements ProgressListener {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR = 24;

    private final PrintStream out;
    private final int width;
    private int layersToFetch;
    private int layerNumber;
    private String layer;
    private long layerSize;
    private long layerBytes;
    private long layerStart;
    private long lastDraw;
    private boolean live;
    private long stepStart;

    /** @param width the terminal's columns (bars are cut to fit) */
    public TerminalProgress(PrintStream out, int width) {
        this.out = out;
        this.width = Math.max(width, 40);
    }

    /** Prints the verb's lines above the live bar. */
    public Reporter reporter() {
        return text -> {
            synchronized (this) {
                clear();
                out.println(text);
                if (layer != null) {
                    draw(System.nanoTime());
                }
            }
        };
    }

    @Override
    public synchronized void onEvent(ProgressEvent event) {
        long now = System.nanoTime();
        switch (event) {
            case ProgressEvent.PullStarted p -> {
                layersToFetch = p.layersToFetch();
                layerNumber = 0;
            }
            case ProgressEvent.LayerStarted l -> {
                layer = l.digest();
                layerSize = l.size();
                layerBytes = 0;
                layerStart = now;
                layerNumber++;
                draw(now);
            }
            case ProgressEvent.LayerBytes b -> {
                layerBytes = b.bytes();
                if (now - lastDraw >= REDRAW_NANOS) {
                    draw(now);
                }
            }
            case ProgressEvent.LayerDone d -> {
                clear();
                double seconds = Math.max(now - layerStart, 1_000_000L) / 1e9;
                out.println(fit(String.format(Locale.ROOT, "[%d/%d] %s %s %s in %s (%s/s)", layerNumber, layersToFetch,
                        shortDigest(d.digest()), bar(1.0), Bytes.human(d.size()), Units.duration(Math.round(seconds)),
                        Bytes.human((long) (d.size() / seconds)))));
                layer = null;
            }
            case ProgressEvent.StepStarted s -> {
                clear();
                stepStart = now;
                out.print(fit("  " + s.step().description() + "..."));
                out.flush();
                live = true;
            }
            case ProgressEvent.StepDone s -> {
                clear();
                out.println(fit(String.format(Locale.ROOT, "  %s: done in %.1f s", s.step().description(),
                        (now - stepStart) / 1e9)));
            }
        }
    }

    private void draw(long now) {
        lastDraw = now;
        double fraction = layerSize <= 0 ? 0 : Math.min(1.0, (double) layerBytes / layerSize);
        double seconds = (now - layerStart) / 1e9;
        double rate = seconds > 0.2 ? layerBytes / seconds : 0;
        String eta = rate > 0 ? Units.duration(Math.round((layerSize - layerBytes) / rate)) : "?";
        String line = String.format(Locale.ROOT, "[%d/%d] %s %s %s/%s %s/s ETA %s", layerNumber, layersToFetch,
                shortDigest(layer), bar(fraction), Bytes.human(layerBytes), Bytes.human(layerSize),
                Bytes.human((long) rate), eta);
        out.print("\r\033[K" + fit(line));
        out.flush();
        live = true;
    }

    private void clear() {
        if (live) {
            out.print("\r\033[K");
            live = false;
        }
    }

    private String fit(String line) {
        return line.length() < width ? line : line.substring(0, width - 1);
    }

    private static String bar(double fraction) {
        int full = (int) Math.round(fraction * BAR);
        return "\u2588".repeat(full) + "\u2591".repeat(BAR - full);
    }

    /** {@code sha256:1a2b3c4d5e6f}. */
    static String shortDigest(String digest) {
        int colon = digest.indexOf(':');
        return digest.substring(0, Math.min(digest.length(), colon + 13));
    }
}
