package dev.bootcj.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.testing.vm.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code scripts/programs.txt} honest: every program the Java code hands to a process runner and every
 * command word of the shell scripts is listed with its Debian package, every listed program is still used, and
 * {@code scripts/packages.txt} (what {@code scripts/setup.sh} installs) has every listed package.
 */
class ProgramsListTest {
    static Path root;
    static Map<String, String> listed;
    static List<ProgramUses.Use> uses;

    @BeforeAll
    static void load() throws IOException {
        root = TestImages.repoRoot();
        uses = ProgramUses.scan(root);
        listed = new LinkedHashMap<>();
        for (String line : Files.readAllLines(root.resolve("scripts/programs.txt"))) {
            String l = line.replaceFirst("#.*", "").strip();
            if (!l.isEmpty()) {
                String[] f = l.split("\\s+");
                assertEquals(2, f.length, "scripts/programs.txt: want 'program package': " + line);
                assertEquals(null, listed.put(f[0], f[1]), "scripts/programs.txt lists " + f[0] + " twice");
            }
        }
    }

    @Test
    void everyProgramRunIsListed() {
        List<String> missing = new ArrayList<>();
        for (ProgramUses.Use u : uses) {
            if (!listed.containsKey(u.program())) {
                missing.add(u.toString());
            }
        }
        assertTrue(missing.isEmpty(), "not in scripts/programs.txt (add 'program package'):\n  "
                + String.join("\n  ", missing));
    }

    @Test
    void everyListedProgramIsRun() {
        Set<String> used = uses.stream().map(ProgramUses.Use::program).collect(Collectors.toSet());
        Set<String> stale = new TreeSet<>(listed.keySet());
        stale.removeAll(used);
        assertTrue(stale.isEmpty(), "scripts/programs.txt lists programs nothing runs: " + stale);
    }

    @Test
    void packagesTxtHasEveryPackage() throws IOException {
        Set<String> packages = Files.readAllLines(root.resolve("scripts/packages.txt")).stream()
                .map(l -> l.replaceFirst("#.*", "").strip()).filter(l -> !l.isEmpty()).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(listed.values());
        missing.removeAll(packages);
        assertTrue(missing.isEmpty(), "scripts/packages.txt lacks packages of scripts/programs.txt: " + missing);
    }
}
