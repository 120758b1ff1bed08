package dev.bootcj.shell.args;

import java.util.List;

/**
 * One flag of a command: drives parsing, help and completion.
 *
 * @param name the long name without dashes ({@code format})
 * @param shortName the one-letter name, or null
 * @param valueName the value's placeholder ({@code FORMAT}), or null for a switch
 * @param help one line of help
 * @param values the allowed values (for completion and checking), or empty for free text
 * @param hidden accepted but not listed (upstream's hidden and deprecated flags)
 * @param repeatable may be given more than once
 */
public record Option(String name, String shortName, String valueName, String help, List<String> values,
        boolean hidden, boolean repeatable) {

    /** A switch ({@code --quiet}). */
    public static Option flag(String name, String help) {
        return new Option(name, null, null, help, List.of(), false, false);
    }

    /** An option taking a value ({@code --format FORMAT}). */
    public static Option value(String name, String valueName, String help, String... values) {
        return new Option(name, null, valueName, help, List.of(values), false, false);
    }

    /** The same option, hidden from help and completion. */
    public Option hide() {
        return new Option(name, shortName, valueName, help, values, true, repeatable);
    }

    /** The same option with a one-letter alias. */
    public Option withShort(String s) {
        return new Option(name, s, valueName, help, values, hidden, repeatable);
    }

    /** The same option, allowed several times. */
    public Option repeat() {
        return new Option(name, shortName, valueName, help, values, hidden, true);
    }

    /** Whether it takes a value. */
    public boolean takesValue() {
        return valueName != null;
    }

    /** {@code -f, --format <FORMAT>} as shown in help. */
    public String synopsis() {
        String s = (shortName != null ? "-" + shortName + ", " : "    ") + "--" + name;
        return valueName == null ? s : s + " <" + valueName + ">";
    }
}
