package dev.bootcj.shell.command;

import dev.bootcj.shell.args.Option;

/** Help text generated from the command model. */
public final class Help {
    private Help() {
    }

    /** {@code bootc --help}. */
    public static String overview(Commands commands) {
        StringBuilder b = new StringBuilder();
        b.append("Transactional, in-place operating system updates from bootable container images.\n\n");
        b.append("Usage: bootc [OPTIONS] <COMMAND>\n\nCommands:\n");
        int width = commands.visible().stream().mapToInt(c -> c.name().length()).max().orElse(10) + 2;
        for (Command c : commands.visible()) {
            b.append("  ").append(pad(c.name(), width)).append(c.summary()).append('\n');
        }
        b.append("\nOptions:\n");
        b.append("      --verbose  Print stack traces of internal errors\n");
        b.append("  -h, --help     Print help\n");
        b.append("  -V, --version  Print version\n");
        b.append("\nWith no command on a terminal, bootc opens an interactive shell ('bootc shell').\n");
        return b.toString();
    }

    /** {@code bootc <verb> --help}. */
    public static String forCommand(Command c) {
        StringBuilder b = new StringBuilder();
        b.append(c.summary()).append("\n\nUsage: ").append(c.usage()).append('\n');
        if (!c.aliases().isEmpty()) {
            b.append("Aliases: ").append(String.join(", ", c.aliases())).append('\n');
        }
        b.append("\nOptions:\n");
        int width = c.options().stream().filter(o -> !o.hidden()).mapToInt(o -> o.synopsis().length()).max().orElse(0);
        width = Math.max(width, "-h, --help".length() + 4) + 2;
        for (Option o : c.options()) {
            if (o.hidden()) {
                continue;
            }
            b.append("  ").append(pad(o.synopsis(), width)).append(o.help());
            if (!o.choices().isEmpty()) {
                b.append(" [possible values: ").append(String.join(", ", o.choices())).append(']');
            }
            b.append('\n');
        }
        b.append("  ").append(pad("-h, --help", width)).append("Print help\n");
        return b.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}
