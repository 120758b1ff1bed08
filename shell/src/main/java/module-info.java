/**
 * The {@code bootc} command line, the interactive JLine shell and batch scripts, all driven by one command model.
 */
module dev.bootcj.shell {
    requires dev.bootcj.core;
    requires org.jline.reader;
    requires org.jline.terminal;
    requires org.slf4j;
    requires java.logging;

    opens dev.bootcj.shell.progress to com.fasterxml.jackson.databind;
}
