package dev.bootcj.shell.args;

import java.util.List;

/**
 * A switch ({@code --quiet}): given or not, read with {@link ParsedArgs#has(Option)}.
 *
 * @param name the long name without dashes
 * @param shortName the one-letter name, or null
 * @param help one line of help
 * @param hidden accepted but not listed
 */
public record Flag(String name, String shortName, String help, boolean hidden) implements Option {

    /** A listed switch without a one-letter name. */
    public static Flag of(String name, String help) {
        return new Flag(name, null, help, false);
    }

    /** The same switch, hidden from help and completion. */
    public Flag hide() {
        return new Flag(name, shortName, help, true);
    }

    /** The same switch with a one-letter alias. */
    public Flag withShort(String s) {
        return new Flag(name, s, help, hidden);
    }

    @Override
    public String valueName() {
        return null;
    }

    @Override
    public List<String> choices() {
        return List.of();
    }

    @Override
    public boolean repeatable() {
        return false;
    }
}
