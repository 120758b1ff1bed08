package dev.bootcj.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bootcj.deploy.Lint.Finding;
import dev.bootcj.deploy.Lint.Level;
import dev.bootcj.deploy.Lint.Report;
import dev.bootcj.deploy.Lint.RootType;
import dev.bootcj.testing.LintRoots;
import dev.bootcj.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every lint on real trees in a temporary directory: a passing and a failing case, with bootc's exact text. */
class LintTest {
    @TempDir
    Path root;

    /** A tree every lint passes (as another root: var-tmpfiles does not run). */
    @BeforeEach
    void passingRoot() throws IOException {
        LintRoots.passing(root, "5.7.2");
    }

    private void write(String rel, String content) throws IOException {
        LintRoots.write(root, rel, content);
    }

    private Report lint(String... skip) throws IOException {
        return Lint.run(root, RootType.ALTERNATIVE, Set.of(skip));
    }

    /** The one finding of a run, checking that the other lints passed. */
    private Finding only(Report r) {
        assertNull(r.runtimeError());
        assertEquals(1, r.findings().size(), r.findings().toString());
        assertEquals(10, r.passed());
        return r.findings().getFirst();
    }

    private void bash(String script) {
        Tools.run("bash", "-c", "cd \"$1\" && " + script, "bash", root.toString());
    }

    @Test
    void passingRootPassesEveryLint() throws IOException {
        Report r = lint();
        assertEquals(List.of(), r.findings());
        assertEquals("Checks passed: 11\nChecks skipped: 1\n", Lint.render(r));
        assertEquals(Optional.empty(), r.failure(true));
    }

    @Test
    void varRun() throws IOException {
        Files.createDirectories(root.resolve("var/run/foo"));
        Report r = lint();
        assertEquals(new Finding("var-run", Level.FATAL, "Not a symlink: var/run"), only(r));
        assertEquals("Failed lint: var-run: Not a symlink: var/run\nChecks passed: 10\nChecks skipped: 1\n",
                Lint.render(r));
        assertEquals(Optional.of("Linting: Checks failed: 1"), r.failure(false));
        Tools.run("rm", "-rf", root.resolve("var/run").toString());
        Files.createSymbolicLink(root.resolve("var/run"), Path.of("../run"));
        assertEquals(List.of(), lint().findings());
    }

    @Test
    void buildahInjected() throws IOException {
        write("etc/hostname", "");
        Report r = lint();
        assertEquals(new Finding("buildah-injected", Level.WARNING,
                "/etc/hostname is an empty file; this may have been synthesized by a container runtime."), only(r));
        assertEquals("Lint warning: buildah-injected: /etc/hostname is an empty file; this may have been"
                + " synthesized by a container runtime.\nChecks passed: 10\nChecks skipped: 1\nWarnings: 1\n",
                Lint.render(r));
        assertEquals(Optional.empty(), r.failure(false));
        assertEquals(Optional.of("Linting: Checks failed: 1"), r.failure(true));
        write("etc/hostname", "static-name\n");
        write("etc/resolv.conf", "");
        assertEquals("/etc/resolv.conf is an empty file; this may have been synthesized by a container runtime.",
                only(lint()).message());
        write("etc/resolv.conf", "nameserver 127.0.0.1\n");
        assertEquals(List.of(), lint().findings());
    }

    @Test
    void buildahInjectedOnlyLooksAtAnotherRoot() throws IOException {
        write("etc/hostname", "");
        Report running = Lint.run(root, RootType.RUNNING, Set.of("var-tmpfiles"));
        assertTrue(running.findings().stream().noneMatch(f -> f.name().equals("buildah-injected")));
        assertEquals(2, running.skipped());
    }

    @Test
    void etcUsrEtc() throws IOException {
        Files.createDirectories(root.resolve("usr/etc"));
        assertEquals(List.of(), lint().findings(), "no /etc: nothing to compare");
        Files.createDirectories(root.resolve("etc"));
        assertEquals(new Finding("etc-usretc", Level.FATAL,
                "Found /usr/etc - this is a bootc implementation detail and not supported to use in containers"),
                only(lint()));
    }

    @Test
    void bootcKargs() throws IOException {
        write("usr/lib/bootc/kargs.d/10-console.toml", "kargs = [\"console=ttyS0\"]\n");
        write("usr/lib/bootc/kargs.d/README", "not toml, not read");
        assertEquals(List.of(), lint().findings());
        write("usr/lib/bootc/kargs.d/20-bad.toml", "kargs = \"nosmt\"\n");
        Report r = lint();
        assertTrue(r.runtimeError().startsWith("Unexpected runtime error running lint bootc-kargs: Parsing 20-bad.toml:"),
                r.runtimeError());
        assertEquals(Optional.of("Linting: " + r.runtimeError()), r.failure(false));
        // the lints before it ran; nothing after it did, and no summary is printed
        assertEquals(3, r.passed());
        assertEquals("", Lint.render(r));
    }

    @Test
    void bootcKargsDirectoryThatIsAFile() throws IOException {
        write("usr/lib/bootc/kargs.d", "not a directory");
        assertEquals("Unexpected runtime error running lint bootc-kargs: usr/lib/bootc/kargs.d: Not a directory",
                lint().runtimeError());
    }

    @Test
    void kernel() throws IOException {
        Files.createDirectories(root.resolve("usr/lib/modules/6.3.1-no-vmlinuz"));
        assertEquals(List.of(), lint().findings(), "a modules directory without vmlinuz is not a kernel");
        write("usr/lib/modules/6.3.1/vmlinuz", "new vmlinuz");
        Report r = lint();
        assertEquals("Unexpected runtime error running lint kernel: Found multiple subdirectories in usr/lib/modules",
                r.runtimeError());
        assertEquals(Optional.of("Linting: Unexpected runtime error running lint kernel: Found multiple"
                + " subdirectories in usr/lib/modules"), r.failure(false));
        Tools.run("rm", "-rf", root.resolve("usr/lib/modules/5.7.2").toString());
        assertEquals(List.of(), lint().findings());
    }

    @Test
    void utf8() throws IOException {
        bash("mkdir subdir && ln -s self self && ln -s .. subdir/parent && ln -s does-not-exist broken"
                + " && ln -s ../../x escape && ln -s $'caf\\xc3\\xa9' fine-target && touch $'caf\\xc3\\xa9'");
        assertEquals(List.of(), lint().findings(), "loops, dangling links and valid UTF-8 are fine");

        bash("mkdir -p subdir/2/$'bad\\xffdir'");
        assertEquals(new Finding("utf8", Level.FATAL, "/subdir/2/: Found non-utf8 filename \"bad\\xFFdir\""),
                only(lint()));
        bash("rmdir subdir/2/$'bad\\xffdir' && echo hello > $'regular\\xff'");
        assertEquals("/: Found non-utf8 filename \"regular\\xFF\"", only(lint()).message());
        bash("rm $'regular\\xff' && ln -s $'regular\\xff' subdir/good-name");
        assertEquals("/subdir/good-name: Found non-utf8 symlink target", only(lint()).message());
        bash("rm subdir/good-name && ln -s $'regular\\xff' $'regular\\xff'");
        assertEquals("/: Found non-utf8 filename \"regular\\xFF\"", only(lint()).message(),
                "the name is checked before the target");
        bash("rm $'regular\\xff' && touch $'trunc\\xe2\\x82'");
        assertEquals("/: Found non-utf8 filename \"trunc\\xE2\\x82\"", only(lint()).message());
    }

    @Test
    void baseimageComposefs() throws IOException {
        Files.delete(root.resolve("usr/lib/ostree/prepare-root.conf"));
        assertEquals(new Finding("baseimage-composefs", Level.WARNING,
                "ostree/prepare-root.conf is not present to enable composefs"), only(lint()));
        write("usr/lib/ostree/prepare-root.conf", "[composefs]\nenabled = false\n");
        assertEquals("ostree/prepare-root.conf does not have composefs enabled", only(lint()).message());
        write("etc/ostree/prepare-root.conf", "[composefs]\nenabled = signed\n");
        assertEquals(List.of(), lint().findings(), "/etc wins over /usr/lib");
        write("etc/ostree/prepare-root.conf", "[root]\ntransient = true\n");
        assertEquals(List.of(), lint().findings(), "a transient root is an overlay too");
        write("etc/ostree/prepare-root.conf", "[composefs]\nenabled = maybe\n");
        assertEquals(List.of(), lint().findings());
        write("etc/ostree/prepare-root.conf", "[composefs\n");
        assertTrue(lint().runtimeError().startsWith("Unexpected runtime error running lint baseimage-composefs: "));
    }

    @Test
    void baseimageComposefsAlsoChecksTheEmbeddedBaseImage() throws IOException {
        Files.createDirectories(root.resolve(Lint.BASEIMAGE_REF));
        Report r = lint("baseimage-root");
        assertEquals(List.of(new Finding("baseimage-composefs", Level.WARNING,
                "ostree/prepare-root.conf is not present to enable composefs")), r.findings());
        write(Lint.BASEIMAGE_REF + "/usr/lib/ostree/prepare-root.conf", "[composefs]\nenabled = yes\n");
        assertEquals(List.of(), lint("baseimage-root").findings());
    }

    @Test
    void baseimageRoot() throws IOException {
        Files.delete(root.resolve("ostree"));
        assertEquals(new Finding("baseimage-root", Level.FATAL, "Missing ostree -> sysroot/ostree link"),
                only(lint()));
        Files.createDirectories(root.resolve("ostree"));
        assertEquals("/ostree should be a symlink", only(lint()).message());
        Files.delete(root.resolve("ostree"));
        Files.createSymbolicLink(root.resolve("ostree"), Path.of("sysroot/other"));
        assertEquals("Expected /ostree -> sysroot/ostree, not \"sysroot/other\"", only(lint()).message());
        Files.delete(root.resolve("ostree"));
        Files.createSymbolicLink(root.resolve("ostree"), Path.of("/sysroot/ostree"));
        assertEquals("Expected /ostree -> sysroot/ostree, not \"/sysroot/ostree\"", only(lint()).message());
        Files.delete(root.resolve("sysroot"));
        assertEquals("Missing /sysroot", only(lint()).message());
        write("sysroot", "a file");
        assertEquals("Expected a directory for /sysroot", only(lint()).message());
    }

    @Test
    void varLog() throws IOException {
        Files.createDirectories(root.resolve("var/log"));
        Files.createSymbolicLink(root.resolve("var/log/README"), Path.of("../../usr/share/doc/systemd/README.logs"));
        write("var/log/empty.log", "");
        assertEquals(List.of(), lint().findings());
        write("var/log/somefile.log", "log contents");
        assertEquals(new Finding("var-log", Level.WARNING, "Found non-empty logfile: /var/log/somefile.log"),
                only(lint()));
        write("var/log/someproject/audit.log", "audit log");
        write("var/log/someproject/info.log", "info");
        assertEquals("Found non-empty logfile: /var/log/somefile.log (and 2 more)", only(lint()).message());
    }

    @Test
    void skipAndCounts() throws IOException {
        write("var/log/dnf/dnf.log", "dummy dnf log");
        Report skipped = lint("var-log", "no-such-lint");
        assertEquals(List.of(), skipped.findings());
        assertEquals(10, skipped.passed());
        assertEquals(2, skipped.skipped());
        Report r = lint();
        assertEquals(1, r.warnings());
        assertEquals(0, r.fatal());
        assertEquals("Lint warning: var-log: Found non-empty logfile: /var/log/dnf/dnf.log\nChecks passed: 10\n"
                + "Checks skipped: 1\nWarnings: 1\n", Lint.render(r));
    }

    @Test
    void varTmpfilesOnTheRunningRoot() throws IOException {
        int uid = (Integer) Files.getAttribute(root, "unix:uid");
        int gid = (Integer) Files.getAttribute(root, "unix:gid");
        write("etc/passwd", "builder:x:" + uid + ":" + gid + ":Builder:/:/bin/sh\n");
        write("etc/group", "builders:x:" + gid + ":\n");
        write("usr/lib/sysusers.d/builder.conf", "u builder " + uid + ":" + gid + " \"Builder\" /\ng builders "
                + gid + "\n");
        write("usr/lib/tmpfiles.d/var.conf", "# comment\nd /var/lib 0755 root root -\nL /var/run - - - - ../run\n");
        Files.createDirectories(root.resolve("var/lib"));
        Files.createSymbolicLink(root.resolve("var/run"), Path.of("../run"));
        Report r = Lint.run(root, RootType.RUNNING, Set.of());
        assertEquals(List.of(), r.findings());
        assertEquals("Checks passed: 11\nChecks skipped: 1\n", Lint.render(r));

        Files.createDirectories(root.resolve("var/cache/app"));
        Files.setPosixFilePermissions(root.resolve("var/cache/app"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-x---"));
        Files.createSymbolicLink(root.resolve("var/lib/alternatives"), Path.of("/etc/alt dir"));
        write("var/lib/app.db", "data");
        String mode = String.format("%04o", (Integer) Files.getAttribute(root.resolve("var/cache"), "unix:mode") & 07777);
        r = Lint.run(root, RootType.RUNNING, Set.of());
        assertEquals(new Finding("var-tmpfiles", Level.WARNING, """
                Found content in /var missing systemd tmpfiles.d entries:
                  L /var/lib/alternatives - - - - /etc/alt\\x20dir
                  d /var/cache %s builder builders - -
                  d /var/cache/app 0750 builder builders - -
                Found non-directory/non-symlink files in /var:
                  var/lib/app.db
                """.formatted(mode)), only(r));
        assertTrue(Lint.render(r).startsWith("Lint warning: var-tmpfiles: Found content in /var missing"));
        assertTrue(Lint.render(r).contains("  var/lib/app.db\n\nChecks passed: 10\n"), Lint.render(r));
    }

    @Test
    void varTmpfilesNamesAnOwnerItCannotFind() throws IOException {
        write("etc/passwd", "");
        write("etc/group", "");
        Files.createDirectories(root.resolve("usr/lib/tmpfiles.d"));
        Files.createDirectories(root.resolve("var/cache"));
        int uid = (Integer) Files.getAttribute(root, "unix:uid");
        assertEquals("Unexpected runtime error running lint var-tmpfiles: User not found for id " + uid,
                Lint.run(root, RootType.RUNNING, Set.of()).runtimeError());
    }

    @Test
    void sysusers() throws IOException {
        write("etc/passwd", "root:x:0:0:root:/root:/bin/bash\n+nis\nbin:x:1:1:bin:/bin:/sbin/nologin\n"
                + "a:x:10:10::/:/bin/sh\nb:x:11:11::/:/bin/sh\nc:x:12:12::/:/bin/sh\nd:x:13:13::/:/bin/sh\n"
                + "e:x:14:14::/:/bin/sh\n");
        write("etc/group", "root:x:0:\nbin:x:1:\nwheel:x:10:alice\n");
        write("usr/lib/sysusers.d/basic.conf", "# comment\nu root 0 \"Super User\" /root\nr - 500-900\n"
                + "m root wheel\n");
        write("usr/lib/sysusers.d/ignored.txt", "u bin 1 bin");
        assertEquals(new Finding("sysusers", Level.WARNING, """
                Found /etc/passwd entry without corresponding systemd sysusers.d:
                  a
                  b
                  bin
                  c
                  d
                  ...and 1 more
                Found /etc/group entry without corresponding systemd sysusers.d:
                  bin
                  wheel
                """), only(lint()));
        write("usr/lib/sysusers.d/more.conf", "u bin 1:1 \"bin\" /bin -\ng wheel 10\n"
                + "u a - \"a\"\nu b 11 -\nu c 12:12 c\nu d - d\nu e - e\n");
        assertEquals(List.of(), lint().findings());
        write("usr/lib/sysusers.d/zz-bad.conf", "u broken\n");
        assertEquals("Unexpected runtime error running lint sysusers: Failed to parse sysusers entry from"
                + " zz-bad.conf: Failed to parse sysusers entry: u broken", lint().runtimeError());
    }

    @Test
    void sysusersNeedsParseablePasswd() throws IOException {
        write("etc/passwd", "root:x:0\n");
        write("etc/group", "");
        assertEquals("Unexpected runtime error running lint sysusers: Failed to load etc/passwd: failed to parse"
                + " passwd entry at line 0, content: root:x:0", lint().runtimeError());
    }

    @Test
    void nonemptyBoot() throws IOException {
        Files.createDirectories(root.resolve("boot/somesubdir"));
        assertEquals(new Finding("nonempty-boot", Level.WARNING, "Found non-empty /boot: \"somesubdir\""),
                only(lint()));
        write("boot/vmlinuz-6.1", "");
        assertTrue(only(lint()).message().endsWith(" (and 1 more)"));
        Tools.run("rm", "-rf", root.resolve("boot").toString());
        write("boot", "");
        Report r = lint();
        assertEquals("Unexpected runtime error running lint nonempty-boot: boot: Not a directory", r.runtimeError());
        Files.delete(root.resolve("boot"));
        assertEquals("Missing /boot directory", only(lint()).message());
        Files.createDirectories(root.resolve("boot"));
        write("boot/it's \"quoted\"\t", "");
        assertEquals("Found non-empty /boot: \"it\\'s \\\"quoted\\\"\\t\"", only(lint()).message());
    }

    @Test
    void linksInsideTheImageResolveInsideIt() throws IOException {
        // /etc/ostree is an absolute link: it must point into the image, not at this machine's /usr/lib
        Files.createDirectories(root.resolve("etc"));
        Files.createDirectories(root.resolve("usr/lib/alt"));
        Files.writeString(root.resolve("usr/lib/alt/prepare-root.conf"), "[composefs]\nenabled = no\n");
        Files.createSymbolicLink(root.resolve("etc/ostree"), Path.of("/usr/lib/alt"));
        assertEquals("ostree/prepare-root.conf does not have composefs enabled", only(lint()).message());
    }

    @Test
    void listAndChecks() {
        assertEquals(List.of("var-run", "buildah-injected", "etc-usretc", "bootc-kargs", "kernel", "utf8",
                "baseimage-composefs", "baseimage-root", "var-log", "var-tmpfiles", "sysusers", "nonempty-boot"),
                Lint.checks().stream().map(Lint.Check::name).toList());
        assertEquals(List.of(Level.FATAL, Level.WARNING, Level.FATAL, Level.FATAL, Level.FATAL, Level.FATAL,
                Level.WARNING, Level.FATAL, Level.WARNING, Level.WARNING, Level.WARNING, Level.WARNING),
                Lint.checks().stream().map(Lint.Check::level).toList());
        String yaml = Lint.list();
        assertEquals(12, yaml.lines().filter(l -> l.startsWith("- name: ")).count(), yaml);
        assertTrue(yaml.startsWith("- name: var-run\n  type: fatal\n  description: "), yaml);
        assertTrue(yaml.contains("root-type: Running"), yaml);
        assertTrue(yaml.contains("root-type: Alternative"), yaml);
    }

    @Test
    void rootThatIsNotADirectory() throws IOException {
        Path file = Files.writeString(root.resolve("file"), "x");
        assertThrows(NotDirectoryException.class, () -> Lint.run(file, RootType.ALTERNATIVE, Set.of()));
        assertThrows(java.nio.file.NoSuchFileException.class,
                () -> Lint.run(root.resolve("missing"), RootType.ALTERNATIVE, Set.of()));
    }
}
