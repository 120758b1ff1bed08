package dev.bootcj.shell.args;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses arguments against a command's {@link Option}s, jfr-style on a {@link Deque}: {@code --name value},
 * {@code --name=value}, {@code -x value}, {@code --} ends options. Unknown flags get a "did you mean" hint; a value
 * outside an option's choices is a usage error here, other values are converted when the command reads them.
 */
public final class ArgParser {
    private ArgParser() {
    }

    /** Parses {@code args} for a command with {@code options}. */
    public static ParsedArgs parse(List<String> args, List<Option> options) throws UsageException {
        Deque<String> in = new ArrayDeque<>(args);
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        while (!in.isEmpty()) {
            String arg = in.removeFirst();
            if (arg.equals("--")) {
                positionals.addAll(in);
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                positionals.add(arg);
                continue;
            }
            String name;
            String inline = null;
            Option option;
            if (arg.startsWith("--")) {
                name = arg.substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    inline = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                option = find(options, name, false);
            } else {
                name = arg.substring(1, 2);
                if (arg.length() > 2) {
                    inline = arg.substring(2);
                }
                option = find(options, name, true);
            }
            if (option == null) {
                throw new UsageException("unexpected argument '" + arg + "'" + hint(arg, options));
            }
            String value = "";
            if (option.takesValue()) {
                if (inline != null) {
                    value = inline;
                } else if (!in.isEmpty()) {
                    value = in.removeFirst();
                } else {
                    throw new UsageException("a value is required for '--" + option.name() + " <"
                            + option.valueName() + ">' but none was supplied");
                }
                if (!option.choices().isEmpty() && !option.choices().contains(value)) {
                    throw notAChoice(value, option);
                }
            } else if (inline != null) {
                throw new UsageException("unexpected value '" + inline + "' for '--" + option.name() + "'");
            }
            List<String> list = values.computeIfAbsent(option.name(), k -> new ArrayList<>());
            if (!list.isEmpty() && !option.repeatable() && option.takesValue()) {
                throw new UsageException("the argument '--" + option.name() + "' cannot be used multiple times");
            }
            list.add(value);
        }
        return new ParsedArgs(values, positionals);
    }

    /** The usage error for a word that is not one of {@code option}'s choices. */
    static UsageException notAChoice(String value, Option option) {
        return new UsageException("invalid value '" + value + "' for '--" + option.name() + " <" + option.valueName()
                + ">' (possible values: " + String.join(", ", option.choices()) + ")");
    }

    private static Option find(List<Option> options, String name, boolean isShort) {
        for (Option o : options) {
            if (isShort ? name.equals(o.shortName()) : name.equals(o.name())) {
                return o;
            }
        }
        return null;
    }

    private static String hint(String arg, List<Option> options) {
        String bare = arg.replaceFirst("^-+", "").replaceFirst("=.*", "");
        List<String> names = options.stream().filter(o -> !o.hidden()).map(Option::name).toList();
        return Suggest.nearest(bare, names).map(n -> "; did you mean '--" + n + "'?").orElse("");
    }
}
