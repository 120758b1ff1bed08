package dev.bootcj.testing.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the VM harness and the Debian test image without the project's own install code: disks made by the
 * oracle script ({@code images/vm/make-disk-oracle.sh}) boot under TCG with BIOS and UEFI into the ostree
 * deployment the script wrote. Needs root, loop devices and several minutes; runs only with
 * {@code -Dbootcj.vm=true}.
 */
@Tag("vm")
@EnabledIfSystemProperty(named = "bootcj.vm", matches = "true")
class OracleDiskBootTest {
    private static final Duration POWER_OFF_TIMEOUT = Duration.ofMinutes(3);

    private static Path logs;
    private static Path layout;

    @BeforeAll
    static void image() throws IOException, InterruptedException {
        logs = Path.of("target", "vm-logs").toAbsolutePath();
        layout = TestImages.debianLayout(logs.resolve("image-build.log"));
    }

    private static String ostreeKarg(String cmdline) {
        Matcher m = Pattern.compile("(?:^| )(ostree=\\S+)").matcher(cmdline);
        assertTrue(m.find(), "no ostree= karg: " + cmdline);
        return m.group(1);
    }

    private static CommandResult show(CommandResult result) {
        System.out.printf("vm$ %s%n%s%n(exit %d)%n", result.command(), result.output(), result.exitCode());
        return result;
    }

    /**
     * BIOS boot of v1; then a staged deployment of v2 made inside the guest is finalized by ostree at
     * shutdown and booted by the static grub.cfg (through the syslinux.cfg ostree rewrote), keeping /etc edits.
     */
    @Test
    void biosBootsV1ThenTheStagedV2AfterReboot(@TempDir Path tmp) throws Exception {
        TestImages.OracleDisk disk = TestImages.oracleDisk(layout, "v1", tmp.resolve("disk.raw"),
                logs.resolve("oracle-v1.log"), List.of("v2"), List.of());
        String v2 = disk.alsoCommitted().get("v2");
        try (QemuVm vm = QemuVm.builder(disk.disk(), logs.resolve("bios-v1")).firmware(Firmware.BIOS).start()) {
            vm.login(QemuVm.BOOT_TIMEOUT);
            String cmdline = show(vm.runChecked("cat /proc/cmdline")).output();
            assertTrue(cmdline.contains("root=UUID=" + disk.rootUuid() + " rw"), cmdline);
            assertTrue(cmdline.contains("console=ttyS0,115200"), "kargs.d applied: " + cmdline);
            assertFalse(cmdline.contains("bootcj.test=v2"), cmdline);
            assertTrue(Pattern.compile("ostree=/ostree/boot\\.[01]/debian/\\w+/0").matcher(cmdline).find(), cmdline);

            String status = show(vm.runChecked("ostree admin status")).output();
            assertTrue(Pattern.compile("(?m)^\\* debian " + disk.commit() + "\\.0$").matcher(status).find(),
                    "booted deployment is the oracle's commit " + disk.commit() + ":\n" + status);
            show(vm.runChecked("test -e /run/ostree-booted"));
            assertEquals(1, show(vm.run("test -e /usr/share/bootcj-marker")).exitCode(), "v1 has no marker");
            assertFalse(show(vm.run("touch /usr/bootcj-probe")).ok(), "/usr must be read-only");
            show(vm.runChecked("echo kept > /etc/bootcj-probe"));

            show(vm.runChecked("ostree admin deploy --stage --karg-append=bootcj.test=v2 bootcj/oracle/v2"));
            String staged = show(vm.runChecked("ostree admin status")).output();
            assertTrue(Pattern.compile("(?m)^  debian " + v2 + "\\.\\d+ \\(staged\\)$").matcher(staged).find(),
                    staged);

            vm.reboot(QemuVm.BOOT_TIMEOUT);
            String after = show(vm.runChecked("cat /proc/cmdline")).output();
            assertTrue(after.contains(" bootcj.test=v2"), after);
            // The bootswap flipped boot.N: grub read the syslinux.cfg ostree wrote at finalization.
            assertNotEquals(ostreeKarg(cmdline), ostreeKarg(after));
            assertEquals("bootcj test image v2", show(vm.runChecked("cat /usr/share/bootcj-marker")).output());
            assertEquals("kept", show(vm.runChecked("cat /etc/bootcj-probe")).output(), "/etc edits carried over");
            String status2 = show(vm.runChecked("ostree admin status")).output();
            assertTrue(Pattern.compile("(?m)^\\* debian " + v2 + "\\.\\d+$").matcher(status2).find(), status2);
            assertTrue(Pattern.compile("(?m)^  debian " + disk.commit() + "\\.0 \\(rollback\\)$").matcher(status2)
                    .find(), status2);
            vm.powerOff(POWER_OFF_TIMEOUT);
        }
    }

    @Test
    void uefiBootsTheDerivedV2WithTheLayoutOnASecondDisk(@TempDir Path tmp) throws Exception {
        TestImages.OracleDisk disk = TestImages.oracleDisk(layout, "v2", tmp.resolve("disk.raw"),
                logs.resolve("oracle-v2.log"));
        assertEquals("2", disk.version());
        Path oci = TestImages.ext4Image(layout, tmp.resolve("oci.raw"), "bootcj-oci", logs.resolve("oci-disk.log"));
        try (QemuVm vm = QemuVm.builder(disk.disk(), logs.resolve("uefi-v2")).firmware(Firmware.UEFI)
                .extraDisk(oci).start()) {
            vm.login(QemuVm.BOOT_TIMEOUT);
            show(vm.runChecked("test -d /sys/firmware/efi"));
            String cmdline = show(vm.runChecked("cat /proc/cmdline")).output();
            assertTrue(cmdline.contains("console=ttyS0,115200 bootcj.test=v2"), "v2's kargs.d: " + cmdline);
            assertEquals("bootcj test image v2", show(vm.runChecked("cat /usr/share/bootcj-marker")).output());
            String status = show(vm.runChecked("ostree admin status")).output();
            assertTrue(status.contains("* debian " + disk.commit() + ".0"), status);

            show(vm.runChecked("mkdir -p /run/oci && mount -o ro /dev/vdb /run/oci"));
            String index = show(vm.runChecked("cat /run/oci/index.json")).output();
            assertTrue(index.contains("\"org.opencontainers.image.ref.name\":\"v2\""), index);
            vm.powerOff(POWER_OFF_TIMEOUT);
        }
    }
}
