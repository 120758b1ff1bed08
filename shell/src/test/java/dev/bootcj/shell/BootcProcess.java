package dev.bootcj.shell;

import dev.bootcj.testing.Tools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the packaged launcher ({@code shell/target/bootc/bin/bootc}) as a real process. */
public final class BootcProcess {
    private BootcProcess() {
    }

    /** The launcher path, from the build. */
    public static Path launcher() {
        String p = System.getProperty("bootcj.launcher");
        if (p == null) {
            throw new AssertionError("system property bootcj.launcher is not set (run through Maven)");
        }
        return Path.of(p);
    }

    /** Runs {@code bootc args...}. */
    public static Tools.Result run(String... args) {
        return runWithInput(null, args);
    }

    /** Runs {@code bootc args...} with {@code stdin}. */
    public static Tools.Result runWithInput(String stdin, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(launcher().toString());
        cmd.addAll(List.of(args));
        return Tools.exec(null, Map.of("OSTREE_SYSROOT_DEBUG", "mutable-deployments"), cmd, stdin);
    }
}
