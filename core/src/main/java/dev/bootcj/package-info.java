/**
 * Root of the bootc for Java API: the sealed {@link dev.bootcj.BootcException} hierarchy that every core
 * verb throws for a failure it can name.
 */
package dev.bootcj;
