/**
 * Progress output of the pulling verbs: live bars on a terminal ({@link dev.bootcj.shell.progress.TerminalProgress})
 * and bootc's JSON-lines protocol for {@code --progress-fd} ({@link dev.bootcj.shell.progress.JsonProgress}), both
 * fed by core's {@code dev.bootcj.deploy.ProgressEvent}s. Used by the commands only.
 */
package dev.bootcj.shell.progress;
