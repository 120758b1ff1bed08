package dev.bootcj.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The packaged launcher ships the update units, running the upgrade verb the launcher really has. */
class SystemdUnitsTest {
    @Test
    void updateServiceAndTimerAreShipped() throws Exception {
        Path units = BootcProcess.launcher().getParent().getParent().resolve("share/systemd/system");
        String service = Files.readString(units.resolve("bootc-fetch-apply-updates.service"));
        assertTrue(service.contains("\nExecStart=/usr/bin/bootc upgrade --apply --quiet\n"), service);
        assertTrue(service.contains("\nConditionPathExists=/run/ostree-booted\n"), service);
        String timer = Files.readString(units.resolve("bootc-fetch-apply-updates.timer"));
        assertTrue(timer.contains("\nOnUnitInactiveSec=8h\n") && timer.contains("\nWantedBy=timers.target\n"), timer);
        // The flags the service passes are accepted by the command line (usage errors exit 2).
        var r = BootcProcess.run("upgrade", "--apply", "--quiet", "--sysroot", "/nonexistent");
        assertTrue(r.exitCode() == 2 && r.stderr().contains("'--apply' cannot be used with '--sysroot'"), r.stderr());
    }
}
