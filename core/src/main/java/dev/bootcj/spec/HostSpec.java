package dev.bootcj.spec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The desired state: the image to track and the boot order.
 *
 * @param image the tracked image, or null
 * @param bootOrder {@code default} or {@code rollback}; null on input means default
 */
@JsonPropertyOrder({"image", "bootOrder"})
public record HostSpec(ImageReference image, BootOrder bootOrder) {
    /** The spec of a host with nothing deployed by bootc. */
    public static final HostSpec EMPTY = new HostSpec(null, BootOrder.DEFAULT);

    public HostSpec {
        if (bootOrder == null) {
            bootOrder = BootOrder.DEFAULT;
        }
    }
}
