package dev.bootcj.shell.args;

/**
 * What the shell and the bash completion offer for a positional argument or an option's value, beside the
 * fixed words a {@link Value} may list.
 */
public enum Completion {
    /** Nothing. */
    NONE,
    /** Paths. */
    FILE,
    /** Directories. */
    DIR,
    /** Image references (known to the sysroot or seen in the history). */
    IMAGE,
    /** Deployment names ({@code booted}, {@code staged}, {@code rollback}, an index). */
    DEPLOYMENT,
    /** Verbs. */
    VERB
}
