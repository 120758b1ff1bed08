package dev.bootcj.shell.command;

/** Kinds of values the shell completes for a positional argument. */
public enum Completion {
    NONE, FILE, IMAGE, DEPLOYMENT, VERB
}
