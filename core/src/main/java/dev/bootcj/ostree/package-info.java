/**
 * Safe Java API over libostree (repo, sysroot, deployments), with the package-private FFM binding {@code LibOstree} underneath. Only this package calls libostree.
 */
package dev.bootcj.ostree;
