package dev.relaykit.pusher.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * NaCl's {@code crypto_secretbox} (XSalsa20-Poly1305), byte-compatible with tweetnacl's
 * {@code nacl.secretbox}, which pusher-js and the official server libraries use for
 * private-encrypted channels. A box is the 16-byte Poly1305 tag followed by the ciphertext.
 *
 * <pre>{@code
 * byte[] sealed = SecretBox.seal(key, nonce, "hi".getBytes(java.nio.charset.StandardCharsets.UTF_8));
 * byte[] back = SecretBox.open(key, nonce, sealed).orElseThrow();
 * }</pre>
 */
public final class SecretBox {
    /** Key length in bytes. */
    public static final int KEY_BYTES = 32;
    /** Nonce length in bytes. */
    public static final int NONCE_BYTES = 24;
    /** Length of the authentication tag that leads every box. */
    public static final int TAG_BYTES = 16;

    private SecretBox() {
    }

    /**
     * Encrypts and authenticates a message.
     *
     * <pre>{@code
     * byte[] sealed = SecretBox.seal(key, nonce, message);
     * }</pre>
     *
     * @param key 32 bytes
     * @param nonce 24 bytes, never reused with the same key
     * @param message the plaintext
     * @return tag (16 bytes) followed by the ciphertext
     * @throws IllegalArgumentException if the key or nonce has the wrong length
     */
    public static byte[] seal(byte[] key, byte[] nonce, byte[] message) {
        Objects.requireNonNull(message, "message");
        XSalsa20Engine stream = stream(key, nonce);
        byte[] macKey = new byte[KEY_BYTES];
        stream.processBytes(new byte[KEY_BYTES], 0, KEY_BYTES, macKey, 0);
        byte[] box = new byte[TAG_BYTES + message.length];
        stream.processBytes(message, 0, message.length, box, TAG_BYTES);
        Poly1305 mac = mac(macKey);
        mac.update(box, TAG_BYTES, message.length);
        mac.doFinal(box, 0);
        return box;
    }

    /**
     * Checks and decrypts a box made by {@link #seal} (or tweetnacl's {@code secretbox}).
     *
     * <pre>{@code
     * Optional<byte[]> plain = SecretBox.open(key, nonce, box); // empty: forged, damaged or wrong key
     * }</pre>
     *
     * @param key 32 bytes
     * @param nonce 24 bytes
     * @param box tag followed by ciphertext
     * @return the plaintext, or empty when the box is shorter than a tag or fails authentication
     * @throws IllegalArgumentException if the key or nonce has the wrong length
     */
    public static Optional<byte[]> open(byte[] key, byte[] nonce, byte[] box) {
        Objects.requireNonNull(box, "box");
        XSalsa20Engine stream = stream(key, nonce);
        if (box.length < TAG_BYTES) {
            return Optional.empty();
        }
        byte[] macKey = new byte[KEY_BYTES];
        stream.processBytes(new byte[KEY_BYTES], 0, KEY_BYTES, macKey, 0);
        Poly1305 mac = mac(macKey);
        mac.update(box, TAG_BYTES, box.length - TAG_BYTES);
        byte[] tag = new byte[TAG_BYTES];
        mac.doFinal(tag, 0);
        if (!MessageDigest.isEqual(tag, Arrays.copyOf(box, TAG_BYTES))) {
            return Optional.empty();
        }
        byte[] plain = new byte[box.length - TAG_BYTES];
        stream.processBytes(box, TAG_BYTES, plain.length, plain, 0);
        return Optional.of(plain);
    }

    private static XSalsa20Engine stream(byte[] key, byte[] nonce) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(nonce, "nonce");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("secretbox key must be " + KEY_BYTES + " bytes, got " + key.length);
        }
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("secretbox nonce must be " + NONCE_BYTES + " bytes, got " + nonce.length);
        }
        XSalsa20Engine engine = new XSalsa20Engine();
        engine.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        return engine;
    }

    private static Poly1305 mac(byte[] key) {
        Poly1305 mac = new Poly1305(); // no cipher: the 32-byte key is r||s, as NaCl's onetimeauth
        mac.init(new KeyParameter(key));
        return mac;
    }
}
