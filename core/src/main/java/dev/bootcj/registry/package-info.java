/**
 * Image sources and the registry client. Exported; callers are the shell ({@code bootc inspect image}) and the
 * import pipeline.
 * <ul>
 * <li>{@link dev.bootcj.registry.ImageSources} opens an {@link dev.bootcj.registry.ImageSource} for a transport:
 * {@code registry} (distribution API v2 via {@link dev.bootcj.registry.RegistryClient} on {@code java.net.http},
 * with registries.conf mirrors, auth.json credentials, bearer tokens, certs.d trust, retries and redirects),
 * {@code oci}, {@code oci-archive} (read in place), {@code docker-archive} and {@code dir}.</li>
 * <li>{@link dev.bootcj.registry.ImageSource#resolve} selects the platform and reads manifest and config;
 * {@link dev.bootcj.registry.ImagePuller} copies an image into an OCI layout (parallel, verified, resumable,
 * with {@link dev.bootcj.registry.PullEvent}s).</li>
 * <li>{@link dev.bootcj.registry.ImageInspector} and {@link dev.bootcj.registry.ImageInfoRenderer} implement
 * {@code bootc inspect image}.</li>
 * </ul>
 * Errors are {@link dev.bootcj.RegistryException} (HTTP and transport) or
 * {@link dev.bootcj.ImageException} (unusable content), each one line naming the image.
 */
package dev.bootcj.registry;
