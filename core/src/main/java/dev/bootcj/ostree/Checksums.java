package dev.bootcj.ostree;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** ostree checksums: SHA-256, 64 lowercase hex characters, 32 raw bytes in objects. */
public final class Checksums {
    private static final HexFormat HEX = HexFormat.of();

    private Checksums() {
    }

    /** SHA-256 of {@code data} as hex. */
    public static String sha256Hex(byte[] data) {
        return HEX.formatHex(sha256().digest(data));
    }

    /** A fresh SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA-256 is always available", e);
        }
    }

    /** Hex to 32 raw bytes, refusing anything that is not a checksum. */
    public static byte[] toBytes(String checksum) {
        if (!isValid(checksum)) {
            throw new IllegalArgumentException("not an ostree checksum: " + checksum);
        }
        return HEX.parseHex(checksum);
    }

    /** 32 raw bytes (at {@code off}) to hex. */
    public static String fromBytes(byte[] raw, int off) {
        return HEX.formatHex(raw, off, off + 32);
    }

    /** Whether {@code s} is 64 lowercase hex digits. */
    public static boolean isValid(String s) {
        if (s == null || s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
