package dev.bootcj.headers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checker behind {@code native-headers}: our headers ({@code *-bound.h}, one prototype per line, grouped by
 * {@code @lib} markers) are compiled by gcc together with the system headers, so a declaration that drifts from
 * the installed library fails; their prototypes are parsed so binding tests can compare each Java
 * {@code FunctionDescriptor} with the C declaration; and struct sizes and offsets are measured by compiling a
 * small program, so Java layouts can be compared with the C side.
 */
public final class HeaderCheck {
    /** Our headers, as packaged resources. */
    public static final List<String> HEADERS = List.of("glib-bound.h", "ostree-bound.h", "libc-bound.h", "zstd-bound.h");

    private static final Pattern LIB = Pattern.compile("/\\* @lib (\\w+) (\\S+) \\*/");
    private static final Pattern PROTO = Pattern.compile(
            "^\\s*(?<ret>[^()]*?[\\s*])\\(?(?<name>[A-Za-z_][A-Za-z0-9_]*)\\)?\\s*\\((?<params>.*)\\);.*$");

    private HeaderCheck() {
    }

    /**
     * One C prototype.
     *
     * @param lib the binding class it belongs to ({@code LibOstree}, {@code GLib}, ...)
     * @param name the function name
     * @param returnType the C return type
     * @param parameterTypes the C parameter types (names stripped)
     * @param variadic ends in {@code ...}
     */
    public record Prototype(String lib, String name, String returnType, List<String> parameterTypes, boolean variadic) {
        /** The FFM value layout names ({@code ADDRESS}, {@code JAVA_INT}, ...) of return (null for void) + parameters. */
        public List<String> layouts() {
            List<String> out = new ArrayList<>();
            out.add(layoutOf(returnType));
            for (String p : parameterTypes) {
                out.add(layoutOf(p));
            }
            return out;
        }
    }

    /** The text of one of our headers. */
    public static String headerText(String header) {
        try (InputStream in = HeaderCheck.class.getResourceAsStream(header)) {
            if (in == null) {
                throw new IllegalArgumentException("no header " + header);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The prototypes of {@code header}, in order. */
    public static List<Prototype> prototypes(String header) {
        return parse(headerText(header));
    }

    /** Parses prototypes from header text. */
    public static List<Prototype> parse(String text) {
        List<Prototype> out = new ArrayList<>();
        String lib = null;
        for (String line : text.split("\n")) {
            Matcher m = LIB.matcher(line);
            if (m.find()) {
                lib = m.group(1);
                continue;
            }
            m = PROTO.matcher(line);
            if (lib == null || !m.matches() || line.trim().startsWith("#") || line.trim().startsWith("/*")) {
                continue;
            }
            List<String> params = new ArrayList<>();
            boolean variadic = false;
            String raw = m.group("params").trim();
            if (!raw.equals("void") && !raw.isEmpty()) {
                for (String p : raw.split(",")) {
                    p = p.trim();
                    if (p.equals("...")) {
                        variadic = true;
                        continue;
                    }
                    // An array parameter ("const struct timespec times[2]") is a pointer in the ABI.
                    boolean array = p.matches(".*\\[\\d*\\]$");
                    String type = p.replaceFirst("\\[\\d*\\]$", "").replaceFirst("[A-Za-z_][A-Za-z0-9_]*$", "").trim();
                    params.add(array ? type + " *" : type);
                }
            }
            out.add(new Prototype(lib, m.group("name"), m.group("ret").trim(), List.copyOf(params), variadic));
        }
        return out;
    }

    /** The FFM layout for a C type on x86_64 Linux, or null for {@code void}. */
    public static String layoutOf(String ctype) {
        String t = ctype.replace("const", "").trim().replaceAll("\\s+", " ");
        if (t.contains("*") || t.equals("gpointer") || t.equals("gconstpointer") || t.equals("GDestroyNotify")
                || t.startsWith("OstreeRepoCommitFilter") || t.startsWith("OstreeRepoCheckoutFilter")) {
            return "ADDRESS";
        }
        return switch (t) {
            case "void" -> null;
            case "gsize", "gssize", "guint64", "gint64", "goffset", "unsigned long", "long", "size_t", "ssize_t",
                    "off_t", "off64_t" -> "JAVA_LONG";
            case "guchar", "guint8", "gint8", "char" -> "JAVA_BYTE";
            default -> "JAVA_INT";
        };
    }

    /**
     * The result of running gcc.
     *
     * @param exitCode gcc's exit code
     * @param output its combined output
     */
    public record Compilation(int exitCode, String output) {
    }

    /** Compiles {@code source} (C) with the ostree/GLib include flags; returns gcc's verdict. */
    public static Compilation compile(String source, Path workDir) {
        try {
            Files.createDirectories(workDir);
            for (String h : HEADERS) {
                Files.writeString(workDir.resolve(h), headerText(h));
            }
            Path c = workDir.resolve("check.c");
            Files.writeString(c, source);
            List<String> cmd = new ArrayList<>(List.of("gcc", "-std=gnu11", "-Wall", "-Werror", "-fsyntax-only",
                    "-I", workDir.toString()));
            cmd.addAll(cflags());
            cmd.add(c.toString());
            return exec(cmd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code sizeof} and {@code offsetof} of {@code struct} in C: key {@code "sizeof"} plus one entry per field,
     * measured by compiling and running a program that includes {@code header} (one of ours or a system one).
     */
    public static Map<String, Long> layout(String header, String struct, List<String> fields, Path workDir) {
        StringBuilder src = new StringBuilder();
        // The header first: it may define feature macros (_GNU_SOURCE) that must precede every system header.
        src.append("#include \"").append(header).append("\"\n#include <stdio.h>\n#include <stddef.h>\n");
        src.append("int main(void) {\n");
        src.append("  printf(\"sizeof %zu\\n\", sizeof(").append(struct).append("));\n");
        for (String f : fields) {
            src.append("  printf(\"").append(f).append(" %zu\\n\", offsetof(").append(struct).append(", ")
                    .append(f).append("));\n");
        }
        src.append("  return 0;\n}\n");
        try {
            Files.createDirectories(workDir);
            for (String h : HEADERS) {
                Files.writeString(workDir.resolve(h), headerText(h));
            }
            Path c = workDir.resolve("layout.c");
            Path exe = workDir.resolve("layout");
            Files.writeString(c, src);
            List<String> cmd = new ArrayList<>(List.of("gcc", "-std=gnu11", "-I", workDir.toString()));
            cmd.addAll(cflags());
            cmd.addAll(List.of("-o", exe.toString(), c.toString()));
            Compilation built = exec(cmd);
            if (built.exitCode() != 0) {
                throw new IllegalStateException("layout program for " + struct + " did not compile:\n" + built.output());
            }
            Compilation ran = exec(List.of(exe.toString()));
            Map<String, Long> out = new LinkedHashMap<>();
            for (String line : ran.output().split("\n")) {
                String[] kv = line.trim().split(" ");
                if (kv.length == 2) {
                    out.put(kv[0], Long.parseLong(kv[1]));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code pkg-config --cflags ostree-1} (which brings GLib's and GIO's). */
    public static List<String> cflags() {
        Compilation c = exec(List.of("pkg-config", "--cflags", "ostree-1"));
        if (c.exitCode() != 0) {
            throw new IllegalStateException("pkg-config --cflags ostree-1 failed (install libostree-dev): " + c.output());
        }
        return Arrays.stream(c.output().trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    private static Compilation exec(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + cmd);
            }
            return new Compilation(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
