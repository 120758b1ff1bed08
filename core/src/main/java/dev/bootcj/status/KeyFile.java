package dev.bootcj.status;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parser for GLib key files ({@code GKeyFile}), enough for ostree's {@code .origin} files: the same lines are
 * accepted and rejected as {@code g_key_file_load_from_data} with no flags, and values are raw (as
 * {@code g_key_file_get_value} returns them: leading whitespace dropped, no unescaping).
 *
 * <p>Lines end at {@code \n} (a {@code \r} before it is dropped); after leading whitespace, a line is blank or a
 * {@code #} comment, a {@code [group]} header (whitespace allowed after {@code ]}), or {@code key=value}. A
 * repeated group continues the earlier one; a repeated key replaces its value. One difference: translated keys
 * ({@code key[locale]}) are all kept, where GLib keeps those of the user's languages only.
 */
final class KeyFile {
    private KeyFile() {
    }

    /** A line GLib would refuse; {@link #getMessage()} gives the line number and GLib's wording. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(int line, String message) {
            super("line " + line + ": " + message);
        }
    }

    /** Group → key → raw value, in file order. */
    static Map<String, Map<String, String>> parse(String text) throws SyntaxError {
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        Map<String, String> current = null;
        String startGroup = null;
        String currentName = null;
        int lineNo = 0;
        int at = 0;
        while (at < text.length()) {
            int nl = text.indexOf('\n', at);
            int lineEnd = nl < 0 ? text.length() : nl;
            String raw = text.substring(at, nl >= 0 && lineEnd > at && text.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd);
            at = nl < 0 ? text.length() : nl + 1;
            lineNo++;
            String line = stripLeading(raw);
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            if (isGroupLine(line)) {
                String name = line.substring(1, line.lastIndexOf(']'));
                if (!isGroupName(name)) {
                    throw new SyntaxError(lineNo, "Invalid group name: " + name);
                }
                current = groups.computeIfAbsent(name, k -> new LinkedHashMap<>());
                currentName = name;
                if (startGroup == null) {
                    startGroup = name;
                }
            } else if (line.indexOf('=') > 0) {
                if (current == null) {
                    throw new SyntaxError(lineNo, "Key file does not start with a group");
                }
                int eq = line.indexOf('=');
                int keyEnd = eq;
                while (keyEnd > 0 && isSpace(line.charAt(keyEnd - 1))) {
                    keyEnd--;
                }
                String key = line.substring(0, keyEnd);
                if (!isKeyName(key)) {
                    throw new SyntaxError(lineNo, "Invalid key name: " + key);
                }
                String value = stripLeading(line.substring(eq + 1));
                if (currentName.equals(startGroup) && key.equals("Encoding") && !value.equalsIgnoreCase("UTF-8")) {
                    throw new SyntaxError(lineNo, "Key file contains unsupported encoding “" + value + "”");
                }
                current.put(key, value);
            } else {
                throw new SyntaxError(lineNo, "Key file contains line “" + raw
                        + "” which is not a key-value pair, group, or comment");
            }
        }
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, Collections.unmodifiableMap(v)));
        return Collections.unmodifiableMap(out);
    }

    /** {@code g_key_file_get_boolean}: {@code true}/{@code 1} or {@code false}/{@code 0}, trailing space ignored. */
    static boolean booleanValue(Map<String, Map<String, String>> groups, String group, String key) {
        String v = groups.getOrDefault(group, Map.of()).get(key);
        if (v == null) {
            return false;
        }
        int end = v.length();
        while (end > 0 && isSpace(v.charAt(end - 1))) {
            end--;
        }
        String t = v.substring(0, end);
        return t.equals("true") || t.equals("1");
    }

    /** {@code [} then anything up to the first {@code ]}, then only spaces and tabs. */
    private static boolean isGroupLine(String line) {
        if (line.charAt(0) != '[') {
            return false;
        }
        int close = line.indexOf(']');
        if (close < 0) {
            return false;
        }
        for (int i = close + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean isGroupName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '[' || c == ']' || c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** Non-empty, no {@code = [ ]} but an optional trailing {@code [locale]}, no space at either end. */
    private static boolean isKeyName(String key) {
        int q = 0;
        while (q < key.length() && "=[]".indexOf(key.charAt(q)) < 0) {
            q++;
        }
        if (q == 0 || key.charAt(0) == ' ' || key.charAt(q - 1) == ' ') {
            return false;
        }
        if (q < key.length() && key.charAt(q) == '[') {
            q++;
            while (q < key.length()) {
                int cp = key.codePointAt(q);
                if (!Character.isLetterOrDigit(cp) && "-_.@".indexOf(cp) < 0) {
                    break;
                }
                q += Character.charCount(cp);
            }
            if (q >= key.length() || key.charAt(q) != ']') {
                return false;
            }
            q++;
        }
        return q == key.length();
    }

    /** {@code g_ascii_isspace}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return s.substring(i);
    }
}
