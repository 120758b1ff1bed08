package dev.bootcj.shell.args;

import dev.bootcj.BootcException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of parsing one command's arguments, read through the command's own {@link Option} declarations.
 *
 * @param options option name → the texts given (a switch maps to an empty text)
 * @param positionals the remaining arguments, in order
 */
public record ParsedArgs(Map<String, List<String>> options, List<String> positionals) {

    /** Whether a switch or option was given. */
    public boolean has(Option option) {
        return options.containsKey(option.name());
    }

    /** The (last) value of an option, converted by its {@link Value}; empty if not given. */
    public <T> Optional<T> get(Opt<T> option) throws UsageException, BootcException {
        List<String> v = options.get(option.name());
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(option.value().parse(v.getLast(), option));
    }

    /** Every value of a repeatable option, in order. */
    public <T> List<T> all(Opt<T> option) throws UsageException, BootcException {
        List<T> out = new ArrayList<>();
        for (String text : options.getOrDefault(option.name(), List.of())) {
            out.add(option.value().parse(text, option));
        }
        return out;
    }

    /** The positional at {@code i}, required. */
    public String positional(int i, String what) throws UsageException {
        if (i >= positionals.size()) {
            throw new UsageException("missing argument <" + what + ">");
        }
        return positionals.get(i);
    }

    /** Fails if there are more than {@code max} positionals. */
    public void maxPositionals(int max) throws UsageException {
        if (positionals.size() > max) {
            throw new UsageException("unexpected argument '" + positionals.get(max) + "'");
        }
    }

    /** Fails if both options were given. */
    public void exclusive(Option a, Option b) throws UsageException {
        if (has(a) && has(b)) {
            throw new UsageException("the argument '--" + a.name() + "' cannot be used with '--" + b.name() + "'");
        }
    }
}
