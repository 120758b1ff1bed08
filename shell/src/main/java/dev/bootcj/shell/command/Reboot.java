package dev.bootcj.shell.command;

/** {@code --apply}: reboot into the staged deployment through systemd, as bootc does. */
final class Reboot {
    private Reboot() {
    }

    static void now(Session session) throws Exception {
        session.out().println("Rebooting...");
        int rc = session.foreground().run(new ProcessBuilder("systemctl", "reboot"));
        if (rc != 0) {
            throw new CommandFailedException("systemctl reboot exited with " + rc);
        }
        // Like upstream: wait for the system to go down.
        Thread.sleep(Long.MAX_VALUE);
    }
}
