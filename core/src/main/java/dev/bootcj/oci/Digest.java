package dev.bootcj.oci;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.bootcj.ImageException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest {@code algorithm:encoded} as in the OCI image spec. Any registered-looking algorithm
 * parses; {@code sha256} and {@code sha512} are checked for length and computable.
 * {@snippet :
 * Digest d = Digest.parse("sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae");
 * d.hex();        // "2c26b4..."
 * Digest.sha256("foo".getBytes(StandardCharsets.UTF_8)).equals(d); // true
 * }
 *
 * @param algorithm the algorithm ({@code sha256})
 * @param hex the encoded part (lowercase hex for sha256/sha512)
 */
public record Digest(String algorithm, String hex) {
    private static final Pattern ALGORITHM = Pattern.compile("[a-z0-9]+(?:[+._-][a-z0-9]+)*");
    private static final Pattern ENCODED = Pattern.compile("[a-zA-Z0-9=_-]+");
    private static final Pattern HEX = Pattern.compile("[a-f0-9]+");

    public Digest {
        if (algorithm == null || !ALGORITHM.matcher(algorithm).matches()) {
            throw new IllegalArgumentException("invalid digest algorithm '" + algorithm + "'");
        }
        if (hex == null || !ENCODED.matcher(hex).matches()) {
            throw new IllegalArgumentException("invalid digest '" + algorithm + ":" + hex + "'");
        }
        int expected = switch (algorithm) {
            case "sha256" -> 64;
            case "sha512" -> 128;
            default -> -1;
        };
        if (expected > 0 && (hex.length() != expected || !HEX.matcher(hex).matches())) {
            throw new IllegalArgumentException("invalid " + algorithm + " digest '" + algorithm + ":" + hex
                    + "' (expected " + expected + " lowercase hex digits)");
        }
    }

    /** Parses {@code algorithm:encoded}. */
    public static Digest parse(String s) throws ImageException {
        try {
            return fromString(s);
        } catch (IllegalArgumentException e) {
            throw new ImageException("Invalid digest: " + e.getMessage());
        }
    }

    /** Parses {@code algorithm:encoded}, throwing {@link IllegalArgumentException} (for Jackson). */
    @JsonCreator
    public static Digest fromString(String s) {
        if (s == null) {
            throw new IllegalArgumentException("missing digest");
        }
        int colon = s.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("invalid digest '" + s + "' (expected algorithm:hex)");
        }
        return new Digest(s.substring(0, colon), s.substring(colon + 1));
    }

    /** The sha256 digest of {@code bytes}. */
    public static Digest sha256(byte[] bytes) {
        return of(sha256Digester().digest(bytes));
    }

    /** A sha256 digest from its raw 32 bytes. */
    public static Digest of(byte[] sha256) {
        return new Digest("sha256", HexFormat.of().formatHex(sha256));
    }

    /** A fresh {@link MessageDigest} for sha256. */
    public static MessageDigest sha256Digester() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA-256 is mandatory in every JDK", e);
        }
    }

    /** A fresh {@link MessageDigest} for this digest's algorithm. */
    public MessageDigest newDigester() throws ImageException {
        String jdkName = switch (algorithm) {
            case "sha256" -> "SHA-256";
            case "sha512" -> "SHA-512";
            default -> throw new ImageException("Unsupported digest algorithm '" + algorithm + "' in " + this);
        };
        try {
            return MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(jdkName + " is mandatory in every JDK", e);
        }
    }

    /** The digest of {@code bytes} with this digest's algorithm. */
    public Digest sameAlgorithmOf(byte[] bytes) throws ImageException {
        return new Digest(algorithm, HexFormat.of().formatHex(newDigester().digest(bytes)));
    }

    @JsonValue
    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
