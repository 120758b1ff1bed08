/**
 * Deployment verbs: switch, upgrade, rollback, edit and install on a sysroot. Exported.
 */
package dev.bootcj.deploy;
