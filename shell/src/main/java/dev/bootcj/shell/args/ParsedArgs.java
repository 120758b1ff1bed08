package dev.bootcj.shell.args;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of parsing one command's arguments.
 *
 * @param options option name → values given (switches map to an empty-string value)
 * @param positionals the remaining arguments, in order
 */
public record ParsedArgs(Map<String, List<String>> options, List<String> positionals) {

    /** Whether a switch or option was given. */
    public boolean has(String name) {
        return options.containsKey(name);
    }

    /** The last value of an option. */
    public Optional<String> value(String name) {
        List<String> v = options.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.getLast());
    }

    /** All values of a repeatable option. */
    public List<String> values(String name) {
        return options.getOrDefault(name, List.of());
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
    public void exclusive(String a, String b) throws UsageException {
        if (has(a) && has(b)) {
            throw new UsageException("the argument '--" + a + "' cannot be used with '--" + b + "'");
        }
    }
}
