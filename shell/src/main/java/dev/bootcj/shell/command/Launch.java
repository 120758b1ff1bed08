package dev.bootcj.shell.command;

/**
 * How the launcher starts the JVM for a verb: its JIT mode and AOT cache (see the launcher template,
 * {@code shell/src/main/launcher/bootc}). The launcher sees only the first word, so verbs sharing one (the
 * {@code install} group) start as the heaviest of them; the build writes the launcher's table from these
 * declarations. Declared in order of weight.
 */
public enum Launch {
    /** Short verbs: C1 only, {@code lib/bootc.aot}. */
    SHORT,
    /** {@code help} (and the global {@code --help}, {@code --version}): C1, the human-readable status cache. */
    HELP,
    /** {@code status}: C1, the status cache of the output format its words ask for. */
    STATUS,
    /** The shell (and no verb): C2, {@code lib/bootc.aot}. */
    SHELL,
    /** Verbs that import images: C2 with late promotion, {@code lib/bootc-import.aot}. */
    IMPORT
}
