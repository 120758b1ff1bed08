package dev.bootcj.shell;

import dev.bootcj.testing.Tools;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A real pseudo-terminal for shell tests: a detached tmux session, keys in, screen out. */
public final class Tmux implements AutoCloseable {
    private final String session;

    private Tmux(String session) {
        this.session = session;
    }

    /** Starts {@code command} (a shell command line) in a new session of {@code columns} x {@code rows}. */
    public static Tmux start(String name, String command, int columns, int rows) {
        String session = name + "-" + ProcessHandle.current().pid();
        Tools.exec(null, Map.of(), List.of("tmux", "kill-session", "-t", session));
        Tools.run("tmux", "new-session", "-d", "-s", session, "-x", Integer.toString(columns), "-y",
                Integer.toString(rows), command);
        return new Tmux(session);
    }

    /**
     * Sends keys ({@code "Enter"}, {@code "C-c"}, {@code "Tab"} or literal text) once the screen satisfies
     * {@code ready} (see {@link #await}), and returns that screen. There is no other way to send keys: a key sent
     * before the program shows that it expects it may reach the program in another state (while a command runs,
     * between two prompts) and mean something else there.
     */
    public String keys(Predicate<String> ready, String what, String... keys) throws InterruptedException {
        String screen = await(ready, what);
        List<String> args = new ArrayList<>(List.of("tmux", "send-keys", "-t", session, "--"));
        args.addAll(List.of(keys));
        Tools.run(args.toArray(String[]::new));
        return screen;
    }

    /** The visible screen (trailing blanks of each line trimmed by tmux). */
    public String screen() {
        return Tools.run("tmux", "capture-pane", "-p", "-t", session);
    }

    /** Waits (generously: the machine may be loaded) until the screen satisfies {@code ok}; returns it. */
    public String await(Predicate<String> ok, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        String s = screen();
        while (!ok.test(s)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; screen:\n" + s);
            }
            Thread.sleep(100);
            s = screen();
        }
        return s;
    }

    /** Lines of {@code screen} containing {@code s}. */
    public static long count(String screen, String s) {
        return screen.lines().filter(l -> l.contains(s)).count();
    }

    /** The last line of {@code screen} that is not blank (the cursor's line in a shell), or "". */
    public static String lastLine(String screen) {
        return screen.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
    }

    /**
     * The screen shows at least {@code n} lines with {@code prompt} (capture-pane trims trailing blanks, so without
     * the prompt's final space), and the last one waits, empty, for input.
     */
    public static Predicate<String> prompt(String prompt, int n) {
        return s -> count(s, prompt) >= n && lastLine(s).equals(prompt);
    }

    @Override
    public void close() {
        Tools.exec(null, Map.of(), List.of("tmux", "kill-session", "-t", session));
    }
}
