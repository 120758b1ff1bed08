/**
 * The {@code bootc} command line, the interactive JLine shell and batch scripts, all driven by one command model.
 */
module dev.bootcj.shell {
    requires dev.bootcj.core;
    requires org.jline.reader;
    requires org.jline.terminal;
    requires org.slf4j;
    requires java.logging;
    // JLine handles SIGINT (Ctrl-C while a command runs) through sun.misc.Signal, found reflectively; without
    // this module in the graph the signal kills the shell instead of interrupting the command.
    requires jdk.unsupported;

    opens dev.bootcj.shell.progress to com.fasterxml.jackson.databind;
}
