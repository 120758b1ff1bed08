package dev.bootcj.testing.vm;

import java.nio.file.Path;

/** Machine firmware of a {@link QemuVm}. */
public enum Firmware {
    /** SeaBIOS on the i440fx {@code pc} machine; boots grub's i386-pc core image from the BIOS-BOOT partition. */
    BIOS,
    /** OVMF on the {@code q35} machine; boots the removable path {@code EFI/BOOT/BOOTX64.EFI} of the ESP. */
    UEFI;

    /** Debian's OVMF code image (package {@code ovmf}), without Secure Boot. */
    static final Path OVMF_CODE = Path.of("/usr/share/OVMF/OVMF_CODE_4M.fd");
    /** Template for the writable UEFI variable store; each machine gets its own copy. */
    static final Path OVMF_VARS = Path.of("/usr/share/OVMF/OVMF_VARS_4M.fd");
}
