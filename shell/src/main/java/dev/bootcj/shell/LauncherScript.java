package dev.bootcj.shell;

import dev.bootcj.shell.command.Command;
import dev.bootcj.shell.command.Commands;
import dev.bootcj.shell.command.Launch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the launcher script (run by the build at package time): the template {@code shell/src/main/launcher/bootc}
 * with its verb table generated from each command's {@link Command#launch()}.
 */
public final class LauncherScript {
    /** The template's line that the table replaces. */
    static final String MARKER = "# The verb table: @VERB_TABLE@\n";

    private LauncherScript() {
    }

    /** {@code LauncherScript TEMPLATE OUTPUT}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: LauncherScript TEMPLATE OUTPUT");
        }
        String template = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, script(template, new Commands(Verbs.all())), StandardCharsets.UTF_8);
    }

    /** The template with the table in place of its marker line. */
    static String script(String template, Commands commands) {
        if (!template.contains(MARKER)) {
            throw new IllegalArgumentException("the launcher template has no line '" + MARKER.strip() + "'");
        }
        return template.replace(MARKER, verbTable(commands));
    }

    /**
     * The {@code case} on the first word that sets {@code kind} and {@code cache}. A first word shared by several
     * verbs takes the heaviest of their launches; no word starts the shell, as {@link Main} does.
     */
    static String verbTable(Commands commands) {
        Map<String, Launch> byWord = new LinkedHashMap<>();
        for (Command c : commands.all()) {
            for (String name : Commands.names(c)) {
                byWord.merge(name.split(" ")[0], c.launch(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
        }
        Map<Launch, List<String>> words = new EnumMap<>(Launch.class);
        byWord.forEach((word, launch) -> words.computeIfAbsent(launch, k -> new ArrayList<>()).add(word));
        StringBuilder b = new StringBuilder();
        b.append("# The verb table, generated from the command model (Command.launch()) by the build; do not edit.\n");
        b.append("case \"${1:-}\" in\n");
        for (Launch launch : List.of(Launch.IMPORT, Launch.SHELL, Launch.STATUS, Launch.HELP)) {
            List<String> patterns = new ArrayList<>(words.getOrDefault(launch, List.of()));
            if (launch == Launch.SHELL) {
                patterns.add("\"\"");
            } else if (launch == Launch.HELP) {
                patterns.addAll(List.of("--help", "-h", "--version", "-V"));
            }
            if (patterns.isEmpty()) {
                continue;
            }
            b.append("    ").append(String.join("|", patterns)).append(") ").append(switch (launch) {
                case IMPORT -> "kind=import cache=bootc-import";
                case SHELL -> "kind=shell cache=bootc";
                case STATUS -> "kind=short; status_cache \"$@\"";
                case HELP -> "kind=short cache=status-human";
                case SHORT -> throw new AssertionError(launch);
            }).append(" ;;\n");
        }
        b.append("    *) kind=short cache=bootc ;;\n");
        b.append("esac\n");
        return b.toString();
    }
}
