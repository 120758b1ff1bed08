package dev.bootcj.ostree;

import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of one {@code OstreeDeployment} as loaded from a sysroot. The native object stays with the
 * {@link OstreeSysroot}, which finds it again by {@link #id()} when a write needs it.
 *
 * @param index position in the boot order (0 = default; a staged deployment is 0)
 * @param osname the stateroot
 * @param checksum the commit checksum
 * @param deploySerial the serial distinguishing deployments of the same commit
 * @param bootChecksum the checksum of kernel + initramfs
 * @param bootSerial the serial among deployments sharing a boot checksum
 * @param origin the origin key file, group → key → raw value (empty if none)
 * @param kernelArguments the {@code options} line of its boot entry, or null
 * @param pinned whether it is pinned
 * @param staged whether it is the staged deployment
 * @param booted whether it is the deployment the running system booted
 */
public record Deployment(int index, String osname, String checksum, int deploySerial, String bootChecksum,
        int bootSerial, Map<String, Map<String, String>> origin, String kernelArguments, boolean pinned,
        boolean staged, boolean booted) {

    /** {@code <checksum>.<serial>}, the deployment directory's name. */
    public String id() {
        return checksum + "." + deploySerial;
    }

    /** A value from the origin file. */
    public Optional<String> originValue(String group, String key) {
        return Optional.ofNullable(origin.getOrDefault(group, Map.of()).get(key));
    }
}
