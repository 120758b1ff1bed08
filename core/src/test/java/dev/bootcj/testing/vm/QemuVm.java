package dev.bootcj.testing.vm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A qemu-system-x86_64 machine under TCG (never KVM), without network, driven through its serial console.
 *
 * <p>The serial port is qemu's stdio, so nothing the guest prints is lost before the harness is ready; the
 * whole transcript goes to {@code serial.log} in the work directory. Commands are framed by unique markers
 * whose text differs from the typed command line (the begin marker contains {@code $((1+1))}), so echoes and
 * earlier output never match.
 *
 * {@snippet :
 * try (QemuVm vm = QemuVm.builder(disk, workDir).firmware(Firmware.BIOS).start()) {
 *     vm.login(QemuVm.BOOT_TIMEOUT);
 *     CommandResult cmdline = vm.run("cat /proc/cmdline");
 *     vm.reboot(QemuVm.BOOT_TIMEOUT);
 *     vm.powerOff(Duration.ofMinutes(2));
 * }
 * }
 */
public final class QemuVm implements AutoCloseable {
    /** Generous: TCG boots to a shell in 50-70 s on an idle 2-core machine, much slower when it is busy. */
    public static final Duration BOOT_TIMEOUT = Duration.ofMinutes(10);
    /** Default for {@link #run(String)}. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

    private static final Pattern LINUX_BANNER = Pattern.compile("Linux version \\d");
    private static final Pattern LOGIN = Pattern.compile("login: (root \\(automatic login\\))?");
    private static final Duration READY_RETRY = Duration.ofSeconds(20);
    /** qemu's {@code -accel}: {@code tcg}, or the system property {@code bootcj.vmAccel} (a TCG variant). */
    private static final String ACCEL = System.getProperty("bootcj.vmAccel", "tcg");

    private static final Logger log = LoggerFactory.getLogger(QemuVm.class);

    private final Process process;
    private final SerialConsole console;
    private final Path workDir;
    private final SerialShell shell;
    private int bootMark;
    private long bootStartNanos = System.nanoTime();

    private QemuVm(Process process, SerialConsole console, Path workDir) {
        this.process = process;
        this.console = console;
        this.workDir = workDir;
        this.shell = new SerialShell(console);
    }

    /**
     * A machine booting from the raw {@code disk}; logs and the UEFI variable store go into {@code workDir}.
     */
    public static Builder builder(Path disk, Path workDir) {
        return new Builder(disk, workDir);
    }

    /** Options of a machine, then {@link #start()}. */
    public static final class Builder {
        private final Path disk;
        private final Path workDir;
        private final List<Path> extraDisks = new ArrayList<>();
        private Firmware firmware = Firmware.BIOS;
        private int memoryMiB = 1536;
        private int cpus = 2;

        private Builder(Path disk, Path workDir) {
            this.disk = Objects.requireNonNull(disk, "disk");
            this.workDir = Objects.requireNonNull(workDir, "workDir");
        }

        /** BIOS (default) or UEFI. */
        public Builder firmware(Firmware value) {
            firmware = Objects.requireNonNull(value, "firmware");
            return this;
        }

        /** A further raw disk, attached read-only after the boot disk ({@code /dev/vdb}, ...). */
        public Builder extraDisk(Path image) {
            extraDisks.add(Objects.requireNonNull(image, "image"));
            return this;
        }

        /** Guest memory (default 1536 MiB). */
        public Builder memoryMiB(int value) {
            memoryMiB = value;
            return this;
        }

        /** Virtual CPUs (default 2). */
        public Builder cpus(int value) {
            cpus = value;
            return this;
        }

        /** Starts qemu; the returned machine must be closed, which always ends the qemu process. */
        public QemuVm start() throws IOException {
            if (!ACCEL.equals("tcg") && !ACCEL.startsWith("tcg,")) {
                throw new VmException("bootcj.vmAccel must be tcg or tcg,<options>, not " + ACCEL);
            }
            if (!Files.isRegularFile(disk)) {
                throw new VmException("boot disk is not a file: " + disk);
            }
            Files.createDirectories(workDir);
            // TCG, never KVM. With -smp 2, qemu runs multi-threaded TCG (one host thread per vCPU) and the default
            // CPU model qemu64, on which the guest JVM uses SSE2/SSE3 only (UseSSE=3, UseAVX=0). A guest JVM once
            // died of SIGSEGV in C1-compiled code during `bootc switch`; HotSpot patches code that other threads may
            // be running (C1 patching stubs, inline caches, nmethod entry barriers), which multi-threaded TCG might
            // not handle as x86 hardware does. images/vm/jit-stress runs a JVM through exactly that in this guest
            // and did not crash (images/README.md, "JVM crashes in the TCG guest"), so the default stays;
            // -Dbootcj.vmAccel=tcg,thread=single runs the VM tests on single-threaded TCG to rule it out.
            List<String> cmd = new ArrayList<>(List.of("qemu-system-x86_64", "-name", "bootcj-test",
                    "-accel", ACCEL, "-machine", firmware == Firmware.UEFI ? "q35" : "pc",
                    "-m", Integer.toString(memoryMiB), "-smp", Integer.toString(cpus),
                    "-nodefaults", "-no-user-config", "-display", "none", "-nic", "none", "-monitor", "none",
                    "-chardev", "stdio,id=serial0,signal=off", "-serial", "chardev:serial0"));
            if (firmware == Firmware.UEFI) {
                Path vars = workDir.resolve("OVMF_VARS.fd");
                Files.copy(Firmware.OVMF_VARS, vars, StandardCopyOption.REPLACE_EXISTING);
                cmd.addAll(List.of(
                        "-drive", "if=pflash,format=raw,unit=0,readonly=on,file=" + Firmware.OVMF_CODE,
                        "-drive", "if=pflash,format=raw,unit=1,file=" + vars));
            }
            cmd.addAll(List.of("-drive", "file=" + disk.toAbsolutePath() + ",format=raw,if=virtio"));
            for (Path extra : extraDisks) {
                cmd.addAll(List.of("-drive", "file=" + extra.toAbsolutePath() + ",format=raw,if=virtio,readonly=on"));
            }
            Files.writeString(workDir.resolve("qemu-command.txt"), String.join(" ", cmd) + "\n");
            Process process = new ProcessBuilder(cmd)
                    .redirectError(workDir.resolve("qemu-stderr.log").toFile())
                    .start();
            try {
                return new QemuVm(process, new SerialConsole(process.getInputStream(), process.getOutputStream(),
                        workDir.resolve("serial.log")), workDir);
            } catch (IOException | RuntimeException e) {
                process.destroyForcibly();
                throw e;
            }
        }
    }

    /** The file holding everything the guest printed on its serial port. */
    public Path serialLog() {
        return workDir.resolve("serial.log");
    }

    /** qemu's process id. */
    public long pid() {
        return process.pid();
    }

    /**
     * Waits for the current boot to reach a login (the test image logs root in automatically on ttyS0; a
     * login prompt gets {@code root}), then prepares the shell (no echo, kernel messages off the console,
     * no pagers or colours) and waits for systemd to finish starting up.
     */
    public void login(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        MatchResult login = console.await(LOGIN, bootMark, timeout, "a login on the serial console");
        if (login.group(1) == null) {
            console.send("root\n");
        }
        int attempt = 0;
        while (true) {
            attempt++;
            int from = console.mark();
            console.send(" stty -echo; dmesg -n 1; export TERM=dumb PAGER=cat SYSTEMD_PAGER=cat SYSTEMD_COLORS=0"
                    + " PS1='vm# '; unset PROMPT_COMMAND; echo BOOTCJ_READY_" + attempt + "_$((6*7))\n");
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            Duration wait = left.compareTo(READY_RETRY) < 0 ? left : READY_RETRY;
            try {
                console.await(Pattern.compile("BOOTCJ_READY_" + attempt + "_42"), from, wait, "a shell");
                break;
            } catch (VmException e) {
                if (System.nanoTime() - deadline >= 0 || !process.isAlive()) {
                    throw e;
                }
                // agetty/login flush typed input while they start; type it again.
            }
        }
        // Until start-up has finished, systemd prints unit status lines on the console, between command output.
        // "degraded" (some unit failed) is fine here; tests check what they need.
        CommandResult state = run("systemctl is-system-running --wait",
                Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        log.info("vm {}: shell ready, system {}, {} s after {}", process.pid(), state.output().strip(),
                Duration.ofNanos(System.nanoTime() - bootStartNanos).toSeconds(), bootMark == 0 ? "start" : "reboot");
    }

    /** {@link #run(String, Duration)} with {@link #COMMAND_TIMEOUT}. */
    public CommandResult run(String command) throws IOException, InterruptedException {
        return run(command, COMMAND_TIMEOUT);
    }

    /**
     * Runs one shell command line on the guest (stdin from /dev/null, stderr merged) and returns its output
     * and exit status.
     */
    public CommandResult run(String command, Duration timeout) throws IOException, InterruptedException {
        return shell.run(command, timeout);
    }

    /** Like {@link #run(String)}, but a non-zero exit status is an error. */
    public CommandResult runChecked(String command) throws IOException, InterruptedException {
        CommandResult result = run(command);
        if (!result.ok()) {
            throw new VmException("`" + command + "` exited with " + result.exitCode() + ":\n" + result.output());
        }
        return result;
    }

    /** {@code systemctl reboot}, then waits for the next boot's kernel and {@link #login login}. */
    public void reboot(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int from = console.mark();
        bootStartNanos = System.nanoTime();
        console.send(" systemctl reboot\n");
        MatchResult banner = console.await(LINUX_BANNER, from, timeout, "the kernel of the next boot");
        bootMark = banner.start();
        login(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
    }

    /** {@code systemctl poweroff}, then waits for qemu to exit. */
    public void powerOff(Duration timeout) throws IOException, InterruptedException {
        long start = System.nanoTime();
        console.send(" systemctl poweroff\n");
        if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new VmException("qemu (pid " + process.pid() + ") still running " + timeout.toSeconds()
                    + " s after poweroff; last output:\n" + console.tail());
        }
        log.info("vm {}: powered off in {} s", process.pid(), Duration.ofNanos(System.nanoTime() - start).toSeconds());
    }

    /** Ends qemu (by its PID) if it still runs, and closes the serial log. */
    @Override
    public void close() throws IOException {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            console.close();
        }
    }
}
