package dev.bootcj.shell.args;

import java.util.List;

/**
 * One flag of a command, declared once (a {@link Flag} or a typed {@link Opt}): it drives parsing, help, the man
 * pages and both completions, and the command reads it back through {@link ParsedArgs#has(Option)} or
 * {@link ParsedArgs#get(Opt)}.
 */
public sealed interface Option permits Flag, Opt {
    /** The long name without dashes ({@code format}). */
    String name();

    /** The one-letter name, or null. */
    String shortName();

    /** One line of help. */
    String help();

    /** Accepted but not listed (upstream's hidden and deprecated flags). */
    boolean hidden();

    /** The value's placeholder ({@code FORMAT}), or null for a {@link Flag}. */
    String valueName();

    /** The only values accepted (checked while parsing, listed in help); empty for free text or a flag. */
    List<String> choices();

    /** May be given more than once (its values are kept in order). */
    boolean repeatable();

    /** Whether it takes a value. */
    default boolean takesValue() {
        return valueName() != null;
    }

    /** {@code -f, --format <FORMAT>} as shown in help. */
    default String synopsis() {
        String s = (shortName() != null ? "-" + shortName() + ", " : "    ") + "--" + name();
        return valueName() == null ? s : s + " <" + valueName() + ">";
    }
}
