/**
 * Image sources: the registry client (distribution API v2 on {@code java.net.http}) and the {@code oci}, {@code oci-archive}, {@code docker-archive} and {@code dir} transports. Exported.
 */
package dev.bootcj.registry;
