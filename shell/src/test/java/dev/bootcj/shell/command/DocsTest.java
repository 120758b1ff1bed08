package dev.bootcj.shell.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.shell.BootcProcess;
import dev.bootcj.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped bash completion and man pages ({@code src/main/dist/share}, copied into the launcher's
 * {@code share/}) are exactly what {@code bootc internals completion bash} and {@code bootc internals man}
 * generate from the command model, and the completion works in a real bash.
 */
class DocsTest {
    static final Path SHARE = Path.of("src/main/dist/share");
    static final String REGENERATE = "; regenerate with: bootc internals completion bash"
            + " > shell/src/main/dist/share/bash-completion/completions/bootc"
            + " && bootc internals man --directory shell/src/main/dist/share/man/man8";

    @TempDir
    Path tmp;

    @Test
    void shippedCompletionIsTheGeneratedOne() throws IOException {
        Tools.Result r = BootcProcess.run("internals", "completion", "bash");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(Files.readString(SHARE.resolve("bash-completion/completions/bootc")), r.stdout(),
                "stale completion script" + REGENERATE);
        Path launched = BootcProcess.launcher().getParent().getParent().resolve("share/bash-completion/completions/bootc");
        assertEquals(r.stdout(), Files.readString(launched), "the launcher ships it");
        assertEquals(2, BootcProcess.run("internals", "completion", "fish").exitCode());
    }

    @Test
    void shippedManPagesAreTheGeneratedOnes() throws IOException {
        Path out = tmp.resolve("man8");
        Tools.Result r = BootcProcess.run("internals", "man", "--directory", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> generated = names(out);
        assertEquals(names(SHARE.resolve("man/man8")), generated, "stale man pages" + REGENERATE);
        assertTrue(generated.containsAll(List.of("bootc.8", "bootc-switch.8", "bootc-inspect-diff.8")),
                generated.toString());
        assertTrue(generated.stream().noneMatch(n -> n.contains("internals")), "hidden verbs have no page");
        for (String n : generated) {
            assertEquals(Files.readString(SHARE.resolve("man/man8").resolve(n)), Files.readString(out.resolve(n)),
                    "stale " + n + REGENERATE);
        }
        // man renders the page: the synopsis and a flag with its help.
        Tools.Result man = Tools.exec(null, Map.of("MANWIDTH", "200"), List.of("man", "-l",
                out.resolve("bootc-switch.8").toString()));
        assertEquals(0, man.exitCode(), man.stderr());
        assertTrue(man.stdout().contains("bootc switch [OPTIONS] <TARGET>"), man.stdout());
        assertTrue(man.stdout().contains("--quiet"), man.stdout());
    }

    /** Runs the completion function in bash for the words typed so far (the last one being completed). */
    static String complete(String... words) {
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w).append("'");
        }
        String script = "source " + SHARE.resolve("bash-completion/completions/bootc").toAbsolutePath()
                + "; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                + "; _bootc; echo \"${COMPREPLY[*]}\"";
        return Tools.run("bash", "-c", script).strip();
    }

    @Test
    void completionInBash() {
        assertEquals("switch status shell", complete("bootc", "s"));
        assertEquals("deployment diff", complete("bootc", "inspect", "d"));
        assertEquals("oci oci-archive", complete("bootc", "switch", "--transport", "oc"));
        assertEquals("yaml", complete("bootc", "status", "--format", "y"));
        assertEquals("--format --format-version", complete("bootc", "status", "--form"));
        assertEquals("booted staged rollback", complete("bootc", "inspect", "deployment", ""));
        assertEquals("rollback", complete("bootc", "inspect", "diff", "--sysroot", "/x", "booted", "r"));
        assertEquals("", complete("bootc", "inter"), "hidden verbs are not offered");
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
