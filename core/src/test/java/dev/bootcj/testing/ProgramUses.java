package dev.bootcj.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the programs the project's code starts: string literals at the head of the command lists that Java code
 * hands to a process runner, and the command words of its shell scripts. What is computed at run time (a variable
 * holding a path, the launcher, the JDK's own tools) is not a program of a Debian package and is left out.
 * {@snippet :
 * List<ProgramUses.Use> uses = ProgramUses.scan(TestImages.repoRoot());
 * }
 */
public final class ProgramUses {
    private ProgramUses() {
    }

    /**
     * One place that starts a program.
     *
     * @param program the program name as looked up on {@code PATH}
     * @param file the file, relative to the scanned root
     * @param line the 1-based line
     */
    public record Use(String program, String file, int line) {
        @Override
        public String toString() {
            return program + " (" + file + ":" + line + ")";
        }
    }

    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "demo", "node_modules");

    /** Every program started by the Java sources and shell scripts under {@code root}. */
    public static List<Use> scan(Path root) throws IOException {
        List<Use> uses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> Files.isRegularFile(p) && !skipped(root, p)).sorted().toList()) {
                String rel = root.relativize(f).toString();
                if (rel.endsWith(".java") && rel.contains("/src/")) {
                    uses.addAll(java(rel, Files.readString(f)));
                } else if (isShellScript(f)) {
                    uses.addAll(shell(rel, Files.readString(f)));
                }
            }
        }
        return uses;
    }

    private static boolean skipped(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (SKIPPED_DIRS.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isShellScript(Path f) {
        if (f.toString().endsWith(".sh")) {
            return true;
        }
        try (var in = Files.newInputStream(f)) {
            String head = new String(in.readNBytes(64), java.nio.charset.StandardCharsets.ISO_8859_1);
            return head.matches("(?s)#!\\s*(/usr)?/bin/(env\\s+)?(ba)?sh\\b.*");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Java: the process runners and where their command is.

    /** Where a runner's command is. */
    private enum Shape {
        /** The arguments are the command (varargs), or the first argument is a command list. */
        FIRST,
        /** Like FIRST, or {@code (directory, list)}: {@code Tools.run}. */
        FIRST_OR_SECOND_OF_TWO,
        /** The first argument that is a command list: {@code Tools.exec(dir, env, list, ...)}, unqualified helpers. */
        ANY
    }

    /**
     * A process runner.
     *
     * @param call the call, up to its opening parenthesis
     * @param shape where the command is
     */
    private record Runner(Pattern call, Shape shape) {
    }

    private static final List<Runner> RUNNERS = List.of(
            new Runner(Pattern.compile("\\bnew\\s+ProcessBuilder\\s*\\("), Shape.FIRST),
            new Runner(Pattern.compile("\\bProcessTask\\.of\\s*\\("), Shape.FIRST),
            new Runner(Pattern.compile("\\bProcesses\\.(?:run|exec)\\s*\\("), Shape.FIRST),
            new Runner(Pattern.compile("\\bTools\\.run\\s*\\("), Shape.FIRST_OR_SECOND_OF_TWO),
            new Runner(Pattern.compile("\\bTools\\.exec\\s*\\("), Shape.ANY),
            // Static helpers called unqualified inside their class (TestImages.exec, HeaderCheck.exec, Tools.exec).
            new Runner(Pattern.compile("(?<![.\\w])exec\\s*\\("), Shape.ANY));

    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    static List<Use> java(String file, String source) {
        String code = blankComments(source);
        List<Use> uses = new ArrayList<>();
        for (Runner r : RUNNERS) {
            Matcher m = r.call().matcher(code);
            while (m.find()) {
                if (isDeclaration(code, m.start())) {
                    continue;
                }
                List<String> args = arguments(code, m.end());
                List<String> candidates = args.isEmpty() ? List.of() : switch (r.shape()) {
                    case FIRST -> List.of(args.getFirst());
                    case FIRST_OR_SECOND_OF_TWO -> args.size() == 2 && literal(args.getFirst()) == null ? args.subList(1, 2)
                            : List.of(args.getFirst());
                    case ANY -> args;
                };
                for (String c : candidates) {
                    List<String> programs = heads(code, m.start(), c);
                    if (!programs.isEmpty()) {
                        int line = lineOf(code, m.start());
                        programs.forEach(p -> uses.add(new Use(p, file, line)));
                        break;
                    }
                }
            }
        }
        return uses;
    }

    /** A method declaration such as {@code static String exec(List<String> cmd)}, not a call. */
    private static boolean isDeclaration(String code, int at) {
        int lineStart = code.lastIndexOf('\n', at) + 1;
        String before = code.substring(lineStart, at).strip();
        return before.matches(".*\\b(?:static|public|private|protected)\\b.*") || before.matches("[\\w<>\\[\\], .]+\\s+\\w*");
    }

    /**
     * The programs at the head of a command expression: a literal, {@code List.of(...)}, {@code new ArrayList<>(...)},
     * or a variable whose declaration (or, for an empty list, whose first {@code add}s, one per branch) shows its
     * first element. None when it is computed at run time, or a parameter of the enclosing method (a forwarding
     * helper: its callers are scanned instead).
     */
    private static List<String> heads(String code, int at, String expr) {
        String e = expr.strip();
        String lit = literal(e);
        if (lit != null) {
            String p = program(lit);
            return p == null ? List.of() : List.of(p);
        }
        Matcher wrap = LIST.matcher(e);
        if (wrap.find()) {
            List<String> inner = arguments(e, wrap.end());
            return inner.isEmpty() ? List.of() : heads(code, at, inner.getFirst());
        }
        Matcher var = Pattern.compile("(\\w+)(?:\\.toArray\\([^)]*\\))?").matcher(e);
        if (!var.matches()) {
            return List.of(); // computed (a path, the launcher, a compiled test program)
        }
        String name = var.group(1);
        Matcher decl = Pattern.compile("\\b(?:List<String>|String\\[\\]|String\\.\\.\\.|String|var)\\s+" + name
                + "\\s*([=,);])").matcher(code);
        int declAt = -1;
        String kind = null;
        while (decl.find() && decl.start() < at) {
            declAt = decl.end();
            kind = decl.group(1);
        }
        if (declAt < 0 || !kind.equals("=")) {
            return List.of(); // a parameter: the helper forwards its caller's command
        }
        String init = code.substring(declAt, code.indexOf(';', declAt)).strip();
        if (init.matches("new\\s+(?:java\\.util\\.)?ArrayList<>\\(\\s*\\)")) {
            // Filled by add/addAll: the first one is the head; one more per else branch of that choice.
            List<String> found = new ArrayList<>();
            Matcher add = Pattern.compile("\\b" + name + "\\.(add|addAll)\\(").matcher(code);
            for (int from = declAt; add.find(from) && add.start() < at; from = add.end()) {
                if (!found.isEmpty() && !code.substring(from, add.start()).matches("(?s).*\\belse\\b.*")) {
                    break;
                }
                List<String> arg = arguments(code, add.end());
                List<String> h = arg.size() != 1 ? List.of()
                        : add.group(1).equals("add") ? heads(code, add.start(), arg.getFirst())
                        : LIST.matcher(arg.getFirst().strip()).lookingAt() ? heads(code, add.start(), arg.getFirst())
                        : List.of();
                if (h.isEmpty()) {
                    break;
                }
                found.addAll(h);
            }
            return found;
        }
        if (init.matches("new\\s+String\\[.*\\]")) {
            Matcher first = Pattern.compile("\\b" + name + "\\[0\\]\\s*=\\s*(\"(?:[^\"\\\\]|\\\\.)*\")").matcher(code);
            return first.find(declAt) && first.start() < at ? heads(code, at, first.group(1)) : List.of();
        }
        return heads(code, declAt, init);
    }

    private static final Pattern LIST = Pattern.compile(
            "^(?:new\\s+(?:java\\.util\\.)?ArrayList<>\\(|(?:java\\.util\\.)?(?:List\\.of|Arrays\\.asList)\\()");

    private static String literal(String expr) {
        Matcher m = STRING.matcher(expr.strip());
        return m.matches() ? m.group(1) : null;
    }

    /** The name looked up on PATH: an absolute path's last element. */
    private static String program(String word) {
        if (word == null || word.isEmpty()) {
            return null;
        }
        return word.startsWith("/") ? word.substring(word.lastIndexOf('/') + 1) : word.contains("/") ? null : word;
    }

    /** The top-level arguments of a call whose opening parenthesis ends just before {@code from}. */
    private static List<String> arguments(String code, int from) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"') {
                if (code.startsWith("\"\"\"", i)) {
                    i = code.indexOf("\"\"\"", i + 3) + 2;
                } else {
                    for (i++; code.charAt(i) != '"'; i++) {
                        if (code.charAt(i) == '\\') {
                            i++;
                        }
                    }
                }
            } else if (c == '\'') {
                i = code.charAt(i + 1) == '\\' ? code.indexOf('\'', i + 3) : i + 2;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    String last = code.substring(start, i).strip();
                    if (!last.isEmpty() || !args.isEmpty()) {
                        args.add(last);
                    }
                    return args;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(code.substring(start, i).strip());
                start = i + 1;
            }
        }
        return args;
    }

    /** The source with comments and text blocks replaced by blanks (line numbers and string literals kept). */
    private static String blankComments(String s) {
        StringBuilder b = new StringBuilder(s);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                if (s.startsWith("\"\"\"", i)) { // a text block: blanked too (no command is written in one)
                    int end = s.indexOf("\"\"\"", i + 3);
                    for (int k = i + 3; k < end; k++) {
                        if (s.charAt(k) != '\n') {
                            b.setCharAt(k, ' ');
                        }
                    }
                    i = end + 2;
                } else {
                    for (i++; i < s.length() && s.charAt(i) != '"'; i++) {
                        if (s.charAt(i) == '\\') {
                            i++;
                        }
                    }
                }
            } else if (c == '\'') {
                i = s.charAt(i + 1) == '\\' ? s.indexOf('\'', i + 3) : i + 2;
            } else if (s.startsWith("//", i)) {
                for (; i < s.length() && s.charAt(i) != '\n'; i++) {
                    b.setCharAt(i, ' ');
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2) + 2;
                for (; i < end; i++) {
                    if (s.charAt(i) != '\n') {
                        b.setCharAt(i, ' ');
                    }
                }
                i--;
            }
        }
        return b.toString();
    }

    private static int lineOf(String s, int at) {
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Shell: a small lexer (quotes, $(...), `...`, <(...), heredocs, comments) and the command words of each
    // simple command (after assignments, keywords and redirections; through env, xargs, time, timeout, nohup,
    // unshare, flock and `sh -c '...'`; not through chroot, whose command runs in another root).

    static List<Use> shell(String file, String text) {
        Lexer lexer = new Lexer(text);
        List<Token> tokens = lexer.tokens(false);
        Set<String> functions = new java.util.HashSet<>();
        Matcher def = Pattern.compile("(?m)^\\s*(?:function\\s+)?([A-Za-z_][\\w-]*)\\s*\\(\\)").matcher(text);
        while (def.find()) {
            functions.add(def.group(1));
        }
        Matcher fn = Pattern.compile("(?m)^\\s*function\\s+([A-Za-z_][\\w-]*)").matcher(text);
        while (fn.find()) {
            functions.add(fn.group(1));
        }
        List<Use> uses = new ArrayList<>();
        new Commands(file, functions, uses).walk(tokens);
        for (List<Token> nested : lexer.substitutions) {
            new Commands(file, functions, uses).walk(nested);
        }
        return uses;
    }

    /**
     * A lexical token.
     *
     * @param text the word as written (quotes kept) or the operator
     * @param op whether it is an operator ({@code ; & && || | ( ) ;;} and the redirections, as {@code <})
     * @param line the 1-based line
     */
    record Token(String text, boolean op, int line) {
        boolean is(String s) {
            return text.equals(s);
        }
    }

    /** Splits shell text into tokens; command substitutions become their own token lists. */
    private static final class Lexer {
        private final String s;
        private int i;
        private int line = 1;
        final List<List<Token>> substitutions;
        private final List<String[]> heredocs = new ArrayList<>(); // delimiter, "quoted" or ""

        Lexer(String s) {
            this(s, 0, 1, new ArrayList<>());
        }

        private Lexer(String s, int i, int line, List<List<Token>> substitutions) {
            this.s = s;
            this.i = i;
            this.line = line;
            this.substitutions = substitutions;
        }

        /** Tokens up to the end, or up to the ')' closing a substitution when {@code inner}. */
        List<Token> tokens(boolean inner) {
            List<Token> out = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            int wordLine = line;
            int depth = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length()) {
                    if (s.charAt(i + 1) == '\n') {
                        line++;
                    } else {
                        word.append(c).append(s.charAt(i + 1));
                    }
                    i += 2;
                    continue;
                }
                if (c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>'
                        || ((c == '(' || c == ')') && !(c == '(' && endsWithAssign(word)))) {
                    boolean fd = (c == '<' || c == '>') && word.toString().matches("\\d+|\\{\\w+\\}");
                    if (!word.isEmpty() && !fd) {
                        out.add(new Token(word.toString(), false, wordLine));
                    }
                    word.setLength(0);
                    if (c == ' ' || c == '\t') {
                        i++;
                    } else if (c == '\n') {
                        out.add(new Token(";", true, line));
                        i++;
                        line++;
                        readHeredocs();
                    } else if (c == '(' && s.startsWith("((", i)) {
                        skipBalanced('(', ')');
                        out.add(new Token("((", false, line)); // arithmetic command: no program
                    } else if (c == '(') {
                        depth++;
                        out.add(new Token("(", true, line));
                        i++;
                    } else if (c == ')') {
                        i++;
                        if (inner && depth == 0) {
                            return out;
                        }
                        depth--;
                        out.add(new Token(")", true, line));
                    } else if ((c == '<' || c == '>') && i + 1 < s.length() && s.charAt(i + 1) == '(') {
                        i += 2;
                        substitution();
                        out.add(new Token("$(...)", false, line));
                    } else if (c == '<' || c == '>' || (c == '&' && s.startsWith("&>", i))) {
                        redirection(out);
                    } else {
                        int len = s.startsWith(";;&", i) ? 3
                                : s.startsWith(";;", i) || s.startsWith(";&", i) || s.startsWith("&&", i)
                                        || s.startsWith("||", i) || s.startsWith("|&", i) ? 2 : 1;
                        out.add(new Token(s.substring(i, i + len), true, line));
                        i += len;
                    }
                    wordLine = line;
                    continue;
                }
                if (word.isEmpty()) {
                    wordLine = line;
                    if (c == '#') {
                        while (i < s.length() && s.charAt(i) != '\n') {
                            i++;
                        }
                        continue;
                    }
                }
                if (c == '\'') {
                    int end = s.indexOf('\'', i + 1);
                    word.append(s, i, end + 1);
                    count(i, end);
                    i = end + 1;
                } else if (c == '"') {
                    word.append('"');
                    i++;
                    while (s.charAt(i) != '"') {
                        if (s.charAt(i) == '\\') {
                            word.append(s, i, i + 2);
                            i += 2;
                        } else if (s.charAt(i) == '$' || s.charAt(i) == '`') {
                            dollar(word);
                        } else {
                            if (s.charAt(i) == '\n') {
                                line++;
                            }
                            word.append(s.charAt(i++));
                        }
                    }
                    word.append('"');
                    i++;
                } else if (c == '$' || c == '`') {
                    dollar(word);
                } else if (c == '(') { // NAME=( ... )
                    int start = i;
                    skipBalanced('(', ')');
                    word.append(s, start, i);
                } else {
                    word.append(c);
                    i++;
                }
            }
            if (!word.isEmpty()) {
                out.add(new Token(word.toString(), false, wordLine));
            }
            return out;
        }

        private static boolean endsWithAssign(StringBuilder word) {
            return word.toString().matches("[A-Za-z_]\\w*\\+?=");
        }

        /** At '$' or '`': a substitution (scanned), arithmetic or parameter expansion (kept as "$"). */
        private void dollar(StringBuilder word) {
            if (s.startsWith("$((", i)) {
                i++;
                skipBalanced('(', ')');
            } else if (s.startsWith("$(", i)) {
                i += 2;
                substitution();
            } else if (s.charAt(i) == '`') {
                int end = s.indexOf('`', i + 1);
                Lexer inner = new Lexer(s.substring(0, end), i + 1, line, substitutions);
                substitutions.add(inner.tokens(false));
                count(i, end);
                i = end + 1;
            } else if (s.startsWith("${", i)) {
                i++;
                skipBalanced('{', '}');
            } else {
                i++;
            }
            word.append('$');
        }

        private void substitution() {
            Lexer inner = new Lexer(s, i, line, substitutions);
            List<Token> tokens = inner.tokens(true);
            substitutions.add(tokens);
            i = inner.i;
            line = inner.line;
        }

        private void redirection(List<Token> out) {
            int start = i;
            while (i < s.length() && "<>&|-".indexOf(s.charAt(i)) >= 0 && i - start < 3) {
                i++;
            }
            String op = s.substring(start, i);
            if (op.startsWith("<<") && !op.startsWith("<<<")) {
                while (s.charAt(i) == ' ') {
                    i++;
                }
                int from = i;
                while (i < s.length() && " \t\n;&|<>()".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                String delim = s.substring(from, i);
                boolean quoted = delim.contains("'") || delim.contains("\"") || delim.contains("\\");
                heredocs.add(new String[] {delim.replaceAll("['\"\\\\]", ""), quoted ? "quoted" : "", op});
                out.add(new Token("<<", true, line)); // no target word follows
            } else {
                out.add(new Token("<", true, line)); // the next word is the target
            }
        }

        /** After a newline: skips pending heredoc bodies (unquoted ones are scanned for substitutions). */
        private void readHeredocs() {
            for (String[] h : heredocs) {
                boolean dash = h[2].endsWith("-");
                while (i < s.length()) {
                    int end = s.indexOf('\n', i);
                    if (end < 0) {
                        end = s.length();
                    }
                    String bodyLine = s.substring(i, end);
                    String cmp = dash ? bodyLine.replaceFirst("^\t+", "") : bodyLine;
                    if (h[1].isEmpty()) {
                        for (int k = bodyLine.indexOf("$("); k >= 0; k = bodyLine.indexOf("$(", k + 2)) {
                            if (!bodyLine.startsWith("$((", k)) {
                                Lexer inner = new Lexer(s, i + k + 2, line, substitutions);
                                substitutions.add(inner.tokens(true));
                            }
                        }
                    }
                    i = Math.min(end + 1, s.length());
                    line++;
                    if (cmp.equals(h[0])) {
                        break;
                    }
                }
            }
            heredocs.clear();
        }

        private void skipBalanced(char open, char close) {
            int d = 0;
            do {
                char c = s.charAt(i);
                if (c == open) {
                    d++;
                } else if (c == close) {
                    d--;
                } else if (c == '\n') {
                    line++;
                }
                i++;
            } while (d > 0 && i < s.length());
        }

        private void count(int from, int to) {
            for (int k = from; k < to; k++) {
                if (s.charAt(k) == '\n') {
                    line++;
                }
            }
        }
    }

    private static final Set<String> BUILTINS = Set.of(".", ":", "[", "alias", "bg", "bind", "break", "builtin",
            "caller", "cd", "compgen", "complete", "compopt", "continue", "declare", "dirs", "disown", "echo", "enable",
            "eval", "exit", "export", "false", "fc", "fg", "getopts", "hash", "help", "history", "jobs", "kill", "let",
            "local", "logout", "mapfile", "popd", "printf", "pushd", "pwd", "read", "readarray", "readonly", "return",
            "set", "shift", "shopt", "source", "suspend", "test", "times", "trap", "true", "type", "typeset", "ulimit",
            "umask", "unalias", "unset", "wait");
    private static final Set<String> PREFIX_KEYWORDS = Set.of("if", "then", "else", "elif", "do", "while", "until", "!",
            "{", "}", "fi", "done", "esac", "time", "((");
    /** Programs that run another program given later on their command line: option letters taking an argument. */
    private static final java.util.Map<String, String> WRAPPER_OPTIONS = java.util.Map.of("env", "uSC", "xargs",
            "IndPLsaE", "time", "of", "timeout", "sk", "nohup", "", "unshare", "", "flock", "wEc");
    /** Positional arguments before the wrapped program. */
    private static final java.util.Map<String, Integer> WRAPPER_POSITIONALS = java.util.Map.of("timeout", 1, "flock", 1);

    /** Turns token lists into simple commands and records their programs. */
    private record Commands(String file, Set<String> functions, List<Use> uses) {
        void walk(List<Token> tokens) {
            List<Token> words = new ArrayList<>();
            boolean pattern = false;
            for (int k = 0; k < tokens.size(); k++) {
                Token t = tokens.get(k);
                if (pattern) {
                    if (t.is(")") && t.op()) {
                        pattern = false;
                    } else if (t.is("esac") && !t.op()) {
                        pattern = false;
                    }
                    continue;
                }
                if (!t.op()) {
                    if (t.is("[[")) {
                        while (k < tokens.size() && !(tokens.get(k).is("]]") && !tokens.get(k).op())) {
                            k++;
                        }
                        continue;
                    }
                    words.add(t);
                    continue;
                }
                if (t.is("<")) {
                    k++; // the redirection's target
                    continue;
                }
                if (t.is("<<")) {
                    continue;
                }
                if (t.is("(") && words.size() == 1 && k + 1 < tokens.size() && tokens.get(k + 1).is(")")) {
                    words.clear(); // NAME() { ... }: a function definition
                    k++;
                    continue;
                }
                pattern = command(words, t.is(")"));
                words.clear();
                if (t.is(";;") || t.is(";&") || t.is(";;&")) {
                    pattern = true;
                }
            }
            command(words, false);
        }

        /** Records the program of one simple command; returns whether a case pattern follows. */
        private boolean command(List<Token> words, boolean closedByParen) {
            int k = 0;
            while (k < words.size()) {
                String w = words.get(k).text();
                if (PREFIX_KEYWORDS.contains(w) || w.matches("[A-Za-z_]\\w*(\\[[^]]*\\])?\\+?=.*")) {
                    k++;
                } else if (w.equals("for") || w.equals("select") || w.equals("function")) {
                    return false;
                } else if (w.equals("case")) {
                    int in = words.stream().map(Token::text).toList().indexOf("in");
                    return in < 0 || in == words.size() - 1 || !closedByParen;
                } else {
                    break;
                }
            }
            program(words, k);
            return false;
        }

        private void program(List<Token> words, int k) {
            if (k >= words.size()) {
                return;
            }
            Token t = words.get(k);
            String w = t.text();
            if (w.contains("$") || w.contains("`")) {
                return; // computed at run time
            }
            String name = unquote(w);
            if (name.equals("exec") || name.equals("command") || name.equals("builtin")) {
                if (k + 1 < words.size() && words.get(k + 1).text().matches("-[vV]")) {
                    return; // command -v: a look-up
                }
                program(words, k + 1);
                return;
            }
            if (BUILTINS.contains(name) || functions.contains(name) || PREFIX_KEYWORDS.contains(name)) {
                return;
            }
            if (name.contains("/") && !name.startsWith("/")) {
                return; // one of the project's scripts, by relative path
            }
            String prog = name.substring(name.lastIndexOf('/') + 1);
            if (prog.isEmpty() || !prog.matches("[\\w.+-]+")) {
                return;
            }
            uses.add(new Use(prog, file, t.line()));
            if (prog.equals("sh") || prog.equals("bash")) {
                for (int j = k + 1; j + 1 < words.size(); j++) {
                    if (words.get(j).is("-c") && words.get(j + 1).text().startsWith("'")) {
                        String script = words.get(j + 1).text();
                        for (Use u : shell(file, script.substring(1, script.length() - 1))) {
                            uses.add(new Use(u.program(), file, t.line() + u.line() - 1));
                        }
                    }
                }
                return;
            }
            String withArg = WRAPPER_OPTIONS.get(prog);
            if (withArg == null) {
                return; // chroot too: its command runs in another root
            }
            int j = k + 1;
            int positionals = WRAPPER_POSITIONALS.getOrDefault(prog, 0);
            while (j < words.size()) {
                String a = unquote(words.get(j).text());
                if (a.startsWith("-") && a.length() > 1) {
                    boolean takesArg = a.length() == 2 && withArg.indexOf(a.charAt(1)) >= 0;
                    j += takesArg ? 2 : 1;
                } else if (prog.equals("env") && a.contains("=")) {
                    j++;
                } else if (positionals > 0) {
                    positionals--;
                    j++;
                } else {
                    break;
                }
            }
            program(words, j);
        }

        private static String unquote(String w) {
            return w.replace("'", "").replace("\"", "");
        }
    }
}
