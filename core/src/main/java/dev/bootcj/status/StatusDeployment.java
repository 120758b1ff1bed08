package dev.bootcj.status;

import java.util.Map;
import java.util.Optional;

/**
 * What status needs of one deployment, as read from the files on disk (the tests also build it from libostree's
 * {@code OstreeDeployment} to compare).
 *
 * @param index position in the deployment list (a staged deployment is 0)
 * @param osname the stateroot
 * @param checksum the commit checksum
 * @param deploySerial the serial distinguishing deployments of the same commit
 * @param origin the origin key file, group → key → raw value (empty if there is none)
 * @param pinned {@code [libostree-transient] pinned=true}
 * @param staged whether it is the staged deployment
 * @param booted whether the running system booted it
 */
record StatusDeployment(int index, String osname, String checksum, int deploySerial,
        Map<String, Map<String, String>> origin, boolean pinned, boolean staged, boolean booted) {

    /** {@code <checksum>.<serial>}, the deployment directory's name. */
    String id() {
        return checksum + "." + deploySerial;
    }

    /** A raw value from the origin file. */
    Optional<String> originValue(String group, String key) {
        return Optional.ofNullable(origin.getOrDefault(group, Map.of()).get(key));
    }
}
