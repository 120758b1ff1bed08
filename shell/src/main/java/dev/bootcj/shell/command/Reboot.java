package dev.bootcj.shell.command;

/** {@code --apply}: reboot into the staged deployment through systemd, as bootc does. */
final class Reboot {
    private Reboot() {
    }

    static void now(Session session) throws Exception {
        session.out().println("Rebooting...");
        Process p = new ProcessBuilder("systemctl", "reboot").inheritIO().start();
        int rc = p.waitFor();
        if (rc != 0) {
            throw new CommandFailedException("systemctl reboot exited with " + rc);
        }
        // Like upstream: wait for the system to go down.
        Thread.sleep(Long.MAX_VALUE);
    }
}
