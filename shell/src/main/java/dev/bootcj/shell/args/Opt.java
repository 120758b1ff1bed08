package dev.bootcj.shell.args;

import java.util.List;

/**
 * An option taking a value of type {@code T} ({@code --format FORMAT}), read with {@link ParsedArgs#get(Opt)}
 * (or {@link ParsedArgs#all(Opt)} when repeatable); its {@link Value} converts the text and says what completes it.
 *
 * @param name the long name without dashes
 * @param shortName the one-letter name, or null
 * @param valueName the value's placeholder ({@code FORMAT})
 * @param help one line of help
 * @param value the value's type
 * @param hidden accepted but not listed
 * @param repeatable may be given more than once
 * @param <T> the type of the value
 */
public record Opt<T>(String name, String shortName, String valueName, String help, Value<T> value, boolean hidden,
        boolean repeatable) implements Option {

    /** A listed option without a one-letter name, given at most once. */
    public static <T> Opt<T> of(String name, String valueName, String help, Value<T> value) {
        return new Opt<>(name, null, valueName, help, value, false, false);
    }

    /** The same option, hidden from help and completion. */
    public Opt<T> hide() {
        return new Opt<>(name, shortName, valueName, help, value, true, repeatable);
    }

    /** The same option with a one-letter alias. */
    public Opt<T> withShort(String s) {
        return new Opt<>(name, s, valueName, help, value, hidden, repeatable);
    }

    /** The same option, allowed several times. */
    public Opt<T> repeat() {
        return new Opt<>(name, shortName, valueName, help, value, hidden, true);
    }

    @Override
    public List<String> choices() {
        return value.choices();
    }

    /** The words completion offers for the value. */
    public List<String> suggestions() {
        return value.suggestions();
    }

    /** What completion offers for the value beside {@link #suggestions()}. */
    public Completion completion() {
        return value.completion();
    }

    /** {@code invalid value 'TEXT' for '--NAME <VALUE>': REASON}, a usage error. */
    public UsageException invalid(String text, String reason) {
        return new UsageException("invalid value '" + text + "' for '--" + name + " <" + valueName + ">': " + reason);
    }
}
