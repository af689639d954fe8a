package dev.relaykit.pusher.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Private-encrypted channels (https://pusher.com/docs/channels/using_channels/encrypted-channels/):
 * the per-channel shared secret a backend derives from its encryption master key, and the
 * {@code {"nonce","ciphertext"}} payload form (both base64) that pusher-js and the official server
 * libraries exchange. Pusher itself never sees the plaintext.
 *
 * <pre>{@code
 * byte[] secret = EncryptedChannels.sharedSecret("private-encrypted-orders", masterKey);
 * EncryptedChannels.Payload p = EncryptedChannels.encrypt(secret, "{\"qty\":1}");
 * String back = EncryptedChannels.decrypt(secret, p.nonce(), p.ciphertext()).orElseThrow();
 * }</pre>
 */
public final class EncryptedChannels {
    /** The channel-name prefix of encrypted channels. */
    public static final String PREFIX = "private-encrypted-";

    private static final SecureRandom RANDOM = new SecureRandom();

    private EncryptedChannels() {
    }

    /**
     * An encrypted event payload as it travels: base64 nonce and base64 box.
     *
     * @param nonce base64 of the 24-byte nonce
     * @param ciphertext base64 of the secretbox (tag and ciphertext)
     */
    public record Payload(String nonce, String ciphertext) {
        /**
         * Checks both fields are present.
         *
         * @param nonce base64 nonce
         * @param ciphertext base64 box
         */
        public Payload {
            Objects.requireNonNull(nonce, "nonce");
            Objects.requireNonNull(ciphertext, "ciphertext");
        }
    }

    /**
     * The shared secret of one channel: SHA-256 of the channel name's bytes followed by the master
     * key's, as the official server libraries derive it.
     *
     * <pre>{@code
     * byte[] secret = EncryptedChannels.sharedSecret(channel, Base64.getDecoder().decode(masterKeyBase64));
     * }</pre>
     *
     * @param channel a {@code private-encrypted-} channel
     * @param masterKey the 32-byte encryption master key
     * @return 32 bytes
     */
    public static byte[] sharedSecret(String channel, byte[] masterKey) {
        PusherSigner.checkChannelName(channel);
        if (!channel.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an encrypted channel (no " + PREFIX + " prefix): " + channel);
        }
        Objects.requireNonNull(masterKey, "masterKey");
        if (masterKey.length != SecretBox.KEY_BYTES) {
            throw new IllegalArgumentException("encryption master key must be 32 bytes, got " + masterKey.length);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(channel.getBytes(StandardCharsets.UTF_8));
            sha.update(masterKey);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * Encrypts an event's data with a fresh random nonce.
     *
     * <pre>{@code
     * EncryptedChannels.Payload p = EncryptedChannels.encrypt(sharedSecret, "{\"qty\":1}");
     * }</pre>
     *
     * @param sharedSecret the channel's 32-byte shared secret
     * @param data the event data (usually JSON)
     * @return the payload to send
     */
    public static Payload encrypt(byte[] sharedSecret, String data) {
        byte[] nonce = new byte[SecretBox.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] box = SecretBox.seal(sharedSecret, nonce, Objects.requireNonNull(data, "data").getBytes(StandardCharsets.UTF_8));
        Base64.Encoder b64 = Base64.getEncoder();
        return new Payload(b64.encodeToString(nonce), b64.encodeToString(box));
    }

    /**
     * Decrypts a payload.
     *
     * <pre>{@code
     * Optional<String> data = EncryptedChannels.decrypt(sharedSecret, payload.nonce(), payload.ciphertext());
     * }</pre>
     *
     * @param sharedSecret the channel's 32-byte shared secret
     * @param nonce base64 nonce
     * @param ciphertext base64 box
     * @return the data, or empty when the payload is not valid base64, has a nonce of the wrong
     *     length, or fails authentication (tampered, or another key)
     */
    public static Optional<String> decrypt(byte[] sharedSecret, String nonce, String ciphertext) {
        byte[] n;
        byte[] box;
        try {
            n = Base64.getDecoder().decode(Objects.requireNonNull(nonce, "nonce"));
            box = Base64.getDecoder().decode(Objects.requireNonNull(ciphertext, "ciphertext"));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (n.length != SecretBox.NONCE_BYTES) {
            return Optional.empty();
        }
        return SecretBox.open(sharedSecret, n, box).map(b -> new String(b, StandardCharsets.UTF_8));
    }
}
