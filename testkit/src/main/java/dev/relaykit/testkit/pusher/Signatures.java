package dev.relaykit.testkit.pusher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;

/**
 * The app secret's signatures, as Pusher's "Authentication and authorization signatures" and "HTTP API reference"
 * pages define them: lower-case hex HMAC-SHA256 with the app secret. Checks compare in constant time, so a test
 * server never teaches a client the right signature byte by byte. The secret stays in here.
 */
final class Signatures {
    private final String key;
    private final byte[] secret;

    Signatures(String key, String secret) {
        this.key = key;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    String key() {
        return key;
    }

    /** @return hex HMAC-SHA256 of {@code data} with the app secret */
    String sign(String data) {
        // a Mac per call: one Mac is not thread-safe, and connections subscribe from several server threads at once
        return new HmacUtils(HmacAlgorithms.HMAC_SHA_256, secret).hmacHex(data.getBytes(StandardCharsets.UTF_8));
    }

    /** @return whether {@code signature} is the hex HMAC-SHA256 of {@code data} (case-sensitive, constant time) */
    boolean verify(String data, String signature) {
        return signature != null && constantTimeEquals(sign(data), signature);
    }

    static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    static String md5Hex(String body) {
        return DigestUtils.md5Hex(body.getBytes(StandardCharsets.UTF_8));
    }
}
