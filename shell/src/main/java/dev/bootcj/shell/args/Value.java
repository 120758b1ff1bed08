package dev.bootcj.shell.args;

import dev.bootcj.BootcException;
import java.nio.file.Path;
import java.util.List;

/**
 * The type of an option's value: converts the text (once, when the command reads it) and tells completion what to
 * offer. Choices ({@link #choices()}) are checked while the line is parsed, a usage error naming the possible values;
 * other conversion errors surface when the command reads the option, so a command reports them in its own order.
 *
 * @param <T> the converted type
 */
public interface Value<T> {
    /** Free text. */
    Value<String> TEXT = new Value<>() {
        @Override
        public String parse(String text, Opt<String> option) {
            return text;
        }
    };

    /** A path to a file (completes paths). */
    Value<Path> FILE = new Value<>() {
        @Override
        public Path parse(String text, Opt<Path> option) {
            return Path.of(text);
        }

        @Override
        public Completion completion() {
            return Completion.FILE;
        }
    };

    /** A path to a directory (completes directories). */
    Value<Path> DIR = new Value<>() {
        @Override
        public Path parse(String text, Opt<Path> option) {
            return Path.of(text);
        }

        @Override
        public Completion completion() {
            return Completion.DIR;
        }
    };

    /** A directory kept as typed, for messages that quote it (completes directories). */
    Value<String> DIR_NAME = new Value<>() {
        @Override
        public String parse(String text, Opt<String> option) {
            return text;
        }

        @Override
        public Completion completion() {
            return Completion.DIR;
        }
    };

    /** An image reference (completes known images). */
    Value<String> IMAGE = new Value<>() {
        @Override
        public String parse(String text, Opt<String> option) {
            return text;
        }

        @Override
        public Completion completion() {
            return Completion.IMAGE;
        }
    };

    /** A non-negative decimal number. */
    Value<Integer> COUNT = new Value<>() {
        @Override
        public Integer parse(String text, Opt<Integer> option) throws UsageException {
            try {
                return Integer.parseUnsignedInt(text);
            } catch (NumberFormatException e) {
                throw option.invalid(text, "not a number");
            }
        }
    };

    /**
     * The value of {@code text} given for {@code option}.
     *
     * @throws UsageException the text is not a value of this type
     * @throws BootcException the text names something the program does not know (upstream reports these as failures)
     */
    T parse(String text, Opt<T> option) throws UsageException, BootcException;

    /** The only words accepted, checked while parsing and listed in help; empty (the default) for free text. */
    default List<String> choices() {
        return List.of();
    }

    /** The words completion offers: the choices by default. */
    default List<String> suggestions() {
        return choices();
    }

    /** What completion offers beside {@link #suggestions()}. */
    default Completion completion() {
        return Completion.NONE;
    }
}
