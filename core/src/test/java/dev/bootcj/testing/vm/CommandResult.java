package dev.bootcj.testing.vm;

/**
 * What a command run on the guest's serial console produced.
 *
 * @param command  the shell command line as sent
 * @param exitCode its exit status ({@code $?})
 * @param output   stdout and stderr interleaved, carriage returns removed, without the final newline
 */
public record CommandResult(String command, int exitCode, String output) {

    /** True when the command exited with status 0. */
    public boolean ok() {
        return exitCode == 0;
    }
}
