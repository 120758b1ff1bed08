package dev.bootcj.shell.args;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A value from a closed set of words: completion offers exactly the words parsing accepts.
 *
 * @param choices the words, in the order help lists them
 * @param values the value of each word
 * @param <T> the converted type
 */
public record Choice<T>(List<String> choices, List<T> values) implements Value<T> {

    /** Enum constants, each spelled as its name in lower case with {@code -} for {@code _} ({@code oci-archive}). */
    @SafeVarargs
    public static <E extends Enum<E>> Choice<E> of(E... constants) {
        List<String> words = new ArrayList<>(constants.length);
        List<E> values = new ArrayList<>(constants.length);
        for (E e : constants) {
            words.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            values.add(e);
        }
        return new Choice<>(List.copyOf(words), List.copyOf(values));
    }

    /** Words that stand for themselves. */
    public static Choice<String> words(String... words) {
        return new Choice<>(List.of(words), List.of(words));
    }

    @Override
    public T parse(String text, Opt<T> option) throws UsageException {
        int i = choices.indexOf(text);
        if (i < 0) {
            throw ArgParser.notAChoice(text, option);
        }
        return values.get(i);
    }
}
