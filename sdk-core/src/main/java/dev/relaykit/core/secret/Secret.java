package dev.relaykit.core.secret;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A credential (API secret, API key, bot token) that never shows itself by accident.
 *
 * <p>{@link #toString()} is always {@code "Secret[***]"}. {@code equals} and {@code hashCode} are
 * identity-based on purpose: comparing secrets by content would leak timing and invite secrets
 * into hash-based collections and debug output. Read the value only where it is used, with
 * {@link #reveal()} or {@link #bytes()}.
 *
 * <pre>{@code
 * Secret secret = Secret.of(System.getenv("BINANCE_SECRET"));
 * }</pre>
 */
public final class Secret {
    private final byte[] value;

    private Secret(byte[] value) {
        this.value = value;
    }

    /**
     * Wraps a secret given as text; it is held as UTF-8 bytes.
     *
     * @param value the secret, not {@code null}
     * @return the wrapped secret
     */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret value");
        return new Secret(value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Wraps a binary secret (an HMAC key given as bytes). The array is copied.
     *
     * @param value the secret bytes, not {@code null}
     * @return the wrapped secret
     */
    public static Secret ofBytes(byte[] value) {
        Objects.requireNonNull(value, "secret value");
        return new Secret(value.clone());
    }

    /**
     * The secret as text (UTF-8). Use it only where the value is sent or signed with.
     *
     * @return the secret's text
     */
    public String reveal() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /**
     * A copy of the secret's bytes.
     *
     * @return the secret's bytes; the caller may overwrite the copy when done
     */
    public byte[] bytes() {
        return value.clone();
    }

    /**
     * @return {@code true} if the secret is empty
     */
    public boolean isEmpty() {
        return value.length == 0;
    }

    /**
     * Compares the secret with a candidate in constant time (for the length of this secret).
     *
     * @param candidate the value to compare with
     * @return {@code true} if both hold the same bytes
     */
    public boolean matches(Secret candidate) {
        return candidate != null && java.security.MessageDigest.isEqual(value, candidate.value);
    }

    /** @return always {@code "Secret[***]"} */
    @Override
    public String toString() {
        return "Secret[***]";
    }
}
