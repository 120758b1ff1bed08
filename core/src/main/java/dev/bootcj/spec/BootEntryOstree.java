package dev.bootcj.spec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The ostree side of a boot entry.
 *
 * @param checksum the deployed commit
 * @param deploySerial the deployment serial
 */
@JsonPropertyOrder({"checksum", "deploySerial"})
public record BootEntryOstree(String checksum, int deploySerial) {
}
