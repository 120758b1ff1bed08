package dev.bootcj.shell.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bootcj.shell.BootcProcess;
import dev.bootcj.testing.Tools;
import dev.bootcj.testing.vm.CommandResult;
import dev.bootcj.testing.vm.Firmware;
import dev.bootcj.testing.vm.QemuVm;
import dev.bootcj.testing.vm.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof: the Debian image with our bootc inside is installed by our {@code bootc install to-disk
 * --via-loopback} onto a raw file, booted in {@code qemu -accel tcg} with no network, switched to v2 from an
 * {@code oci:} layout on an attached disk, rebooted into it (with an {@code /etc} edit kept and the new karg),
 * rolled back and rebooted into v1; then the same disk boots under UEFI. Every boot's {@code bootc status} goes
 * to the test output. Skip with {@code -Dbootcj.skipVm=true}.
 */
@Tag("vm")
@DisabledIfSystemProperty(named = "bootcj.skipVm", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndVmTest {
    static final Duration SLOW = Duration.ofMinutes(20);
    /** The line of a JVM crash message naming its report, {@code # /var/roothome/hs_err_pid123.log}. */
    static final Pattern HS_ERR = Pattern.compile("^#\\s+(/\\S*hs_err_pid\\d+\\.log)\\s*$", Pattern.MULTILINE);

    @TempDir
    static Path tmp;
    static Path logs;
    static Path layout;
    static Path disk;
    static Path updates;

    @BeforeAll
    static void imageAndDisk() throws Exception {
        logs = Path.of("target", "vm-logs", "e2e").toAbsolutePath();
        Files.createDirectories(logs);
        Path dist = tmp.resolve("dist");
        Tools.exec(null, Map.of(), List.of("bash", TestImages.repoRoot().resolve("images/debian-bootc/bootc-dist.sh").toString(),
                dist.toString(), BootcProcess.launcher().getParent().getParent().toString()))
                .check(List.of("bootc-dist.sh"));
        layout = TestImages.debianLayout(logs.resolve("image-build.log"), dist);
        disk = tmp.resolve("disk.raw");
        Tools.run("truncate", "-s", "6G", disk.toString());
        Tools.Result install = BootcProcess.run("install", "to-disk", "--via-loopback", "--source-imgref",
                "oci:" + layout + ":v1", "--karg", "bootcj.installed=1", disk.toString());
        System.out.println("host$ bootc install to-disk --via-loopback ...\n" + install.stdout() + install.stderr());
        assertEquals(0, install.exitCode(), install.stderr());
        assertTrue(install.stdout().contains("Installation complete!"), install.stdout());
        updates = TestImages.ext4Image(layout, tmp.resolve("updates.ext4"), "updates", logs.resolve("updates.log"));
    }

    static CommandResult show(CommandResult r) {
        System.out.printf("vm$ %s%n%s%n(exit %d)%n", r.command(), r.output(), r.exitCode());
        return r;
    }

    /**
     * Runs {@code command} in the guest; it must exit 0. A JVM that crashed in the guest fails the test like any
     * other failure, after the head of its hs_err report (signal, problematic frame, CPU, registers) is printed.
     */
    static CommandResult ok(QemuVm vm, String command) throws Exception {
        CommandResult r = show(vm.run(command, SLOW));
        if (r.output().contains("A fatal error has been detected by the Java Runtime Environment")) {
            Matcher report = HS_ERR.matcher(r.output());
            String file = report.find() ? report.group(1) : "/var/roothome/hs_err_pid*.log";
            show(vm.run("head -n 150 " + file, SLOW));
        }
        assertEquals(0, r.exitCode(), command + ":\n" + r.output());
        return r;
    }

    /** {@code bootc status --format json} in the guest, checked against {@code ostree admin status}. */
    static JsonNode statusJson(QemuVm vm) throws Exception {
        String out = ok(vm, "bootc status --format json").output();
        JsonNode host = new ObjectMapper().readTree(out.substring(out.indexOf('{')));
        assertSameAsOstree(vm, host);
        return host;
    }

    /**
     * Asserts that a status document, which bootc reads from the sysroot's files, names the deployments that
     * libostree names in {@code ostree admin status} on the same guest: the booted one ({@code *}), the staged one,
     * the rollback (the first other deployment of the booted stateroot; queued when it comes before the booted one,
     * which libostree marks {@code (pending)}) and which of them are pinned. Only a booted host shows libostree's
     * booted and staged view, so this is where the file reader meets it.
     */
    static void assertSameAsOstree(QemuVm vm, JsonNode host) throws Exception {
        record Listed(boolean booted, String osname, String id, String marker, boolean pinned) {
            String describe() {
                return id + (pinned ? " pinned" : "");
            }
        }
        String admin = ok(vm, "ostree admin status").output();
        java.util.regex.Pattern header = java.util.regex.Pattern.compile(
                "(\\* )?(\\S+) ([0-9a-f]{64}\\.[0-9]+)(?: \\((staged|pending|rollback)\\))?");
        List<Listed> listed = new java.util.ArrayList<>();
        for (String line : admin.lines().map(String::strip).toList()) {
            java.util.regex.Matcher m = header.matcher(line);
            if (m.matches()) {
                listed.add(new Listed(m.group(1) != null, m.group(2), m.group(3), m.group(4), false));
            } else if (line.equals("Pinned: yes") && !listed.isEmpty()) {
                Listed l = listed.removeLast();
                listed.add(new Listed(l.booted(), l.osname(), l.id(), l.marker(), true));
            }
        }
        Listed booted = listed.stream().filter(Listed::booted).findFirst()
                .orElseThrow(() -> new AssertionError("no booted deployment in:\n" + admin));
        Listed staged = listed.stream().filter(l -> "staged".equals(l.marker())).findFirst().orElse(null);
        Listed rollback = null;
        boolean queued = false;
        for (Listed l : listed) {
            if (rollback == null && !l.equals(booted) && !l.equals(staged) && l.osname().equals(booted.osname())) {
                rollback = l;
                queued = listed.indexOf(l) < listed.indexOf(booted);
            }
        }
        if (rollback != null && staged == null) {
            assertEquals(queued ? "pending" : "rollback", rollback.marker(), admin);
        }
        JsonNode st = host.path("status");
        List<String> fromBootc = new java.util.ArrayList<>();
        for (String slot : List.of("staged", "booted", "rollback")) {
            JsonNode e = st.get(slot);
            fromBootc.add(e == null || e.isNull() ? "null" : e.path("ostree").path("checksum").asText() + "."
                    + e.path("ostree").path("deploySerial").asInt() + (e.path("pinned").asBoolean() ? " pinned" : ""));
        }
        fromBootc.add(st.path("rollbackQueued").asText());
        assertEquals(List.of(staged == null ? "null" : staged.describe(), booted.describe(),
                rollback == null ? "null" : rollback.describe(), Boolean.toString(queued)), fromBootc,
                admin + "\n" + host.toPrettyString());
    }

    /** {@code <transport>:<image>} of a boot entry's image, or "null" for no entry. */
    static String image(JsonNode entry) {
        if (entry == null || entry.isNull()) {
            return "null";
        }
        JsonNode ref = entry.path("image").path("image");
        return ref.path("transport").asText() + ":" + ref.path("image").asText();
    }

    /**
     * Asserts the staged, booted and rollback images, whether the rollback is queued and the spec's image and
     * boot order of a status document.
     */
    static void assertStatus(JsonNode host, String staged, String booted, String rollback, boolean queued,
            String specImage) {
        JsonNode st = host.path("status");
        String actual = String.join(" | ", image(st.get("staged")), image(st.get("booted")), image(st.get("rollback")),
                st.path("rollbackQueued").asText(), host.path("spec").path("image").path("transport").asText() + ":"
                        + host.path("spec").path("image").path("image").asText(),
                host.path("spec").path("bootOrder").asText());
        assertEquals(String.join(" | ", staged, booted, rollback, Boolean.toString(queued), specImage,
                queued ? "rollback" : "default"), actual, host.toPrettyString());
        assertEquals("bootcHost", st.path("type").asText(), host.toPrettyString());
    }

    @Test
    @Order(1)
    void biosInstallSwitchRebootRollbackReboot() throws Exception {
        String v1 = "oci:" + layout + ":v1";
        String v2 = "oci:/var/mnt/osupdate:v2";
        try (QemuVm vm = QemuVm.builder(disk, logs.resolve("bios")).firmware(Firmware.BIOS).extraDisk(updates).start()) {
            vm.login(QemuVm.BOOT_TIMEOUT);
            String status = ok(vm, "bootc status --format humanreadable").output();
            assertTrue(status.contains("\u25cf Booted image: oci:" + layout + ":v1"), status);
            assertTrue(status.contains("Version: 1"), status);
            assertStatus(statusJson(vm), "null", v1, "null", false, v1);
            // The installed distribution starts from its AOT caches (trained by bootc-dist.sh for its jlinked runtime
            // at /usr/lib/bootcj): with AOTMode=on the JVM refuses to run without the cache.
            for (String format : List.of("humanreadable", "json")) {
                ok(vm, "BOOTC_JAVA_OPTS=-XX:AOTMode=on bootc status --format " + format + " >/dev/null");
            }
            String cmdline = ok(vm, "cat /proc/cmdline").output();
            assertTrue(cmdline.contains("bootcj.installed=1") && cmdline.contains("console=ttyS0,115200"), cmdline);
            assertFalse(cmdline.contains("bootcj.test=v2"), cmdline);

            ok(vm, "mkdir -p /var/mnt/osupdate && mount -o ro /dev/vdb /var/mnt/osupdate");
            String sw = ok(vm, "bootc switch --transport oci /var/mnt/osupdate:v2").output();
            assertTrue(sw.contains("Queued for next boot: oci:/var/mnt/osupdate:v2"), sw);
            ok(vm, "echo edited-before-reboot > /etc/bootcj-e2e");
            String staged = ok(vm, "bootc status --format humanreadable").output();
            assertTrue(staged.contains("Staged image: oci:/var/mnt/osupdate:v2"), staged);
            assertStatus(statusJson(vm), v2, v1, "null", false, v2);

            vm.reboot(QemuVm.BOOT_TIMEOUT);
            status = ok(vm, "bootc status --format humanreadable").output();
            assertTrue(status.contains("\u25cf Booted image: oci:/var/mnt/osupdate:v2"), status);
            assertTrue(status.contains("Rollback image: oci:" + layout + ":v1"), status);
            assertStatus(statusJson(vm), "null", v2, v1, false, v2);
            cmdline = ok(vm, "cat /proc/cmdline").output();
            assertTrue(cmdline.contains("bootcj.test=v2") && cmdline.contains("bootcj.installed=1"), cmdline);
            ok(vm, "test -e /usr/share/bootcj-marker");
            assertEquals("edited-before-reboot", ok(vm, "cat /etc/bootcj-e2e").output().strip());

            String rb = ok(vm, "bootc rollback").output();
            assertTrue(rb.contains("Next boot: rollback deployment"), rb);
            // Still running v2; v1 boots next: the rollback is queued and the spec follows it.
            assertStatus(statusJson(vm), "null", v2, v1, true, v2);
            vm.reboot(QemuVm.BOOT_TIMEOUT);
            status = ok(vm, "bootc status --format humanreadable").output();
            assertTrue(status.contains("\u25cf Booted image: oci:" + layout + ":v1"), status);
            assertStatus(statusJson(vm), "null", v1, v2, false, v1);
            cmdline = ok(vm, "cat /proc/cmdline").output();
            assertFalse(cmdline.contains("bootcj.test=v2"), cmdline);
            assertEquals(1, show(vm.run("test -e /usr/share/bootcj-marker")).exitCode(), "v1 has no marker");
            vm.powerOff(Duration.ofMinutes(3));
        }
    }

    @Test
    @Order(2)
    void theSameDiskBootsUnderUefi() throws Exception {
        try (QemuVm vm = QemuVm.builder(disk, logs.resolve("uefi")).firmware(Firmware.UEFI).start()) {
            vm.login(QemuVm.BOOT_TIMEOUT);
            ok(vm, "test -d /sys/firmware/efi");
            String status = ok(vm, "bootc status --format humanreadable").output();
            assertTrue(status.contains("\u25cf Booted image: oci:" + layout + ":v1"), status);
            vm.powerOff(Duration.ofMinutes(3));
        }
    }
}
