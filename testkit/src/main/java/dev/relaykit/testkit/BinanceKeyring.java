package dev.relaykit.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;

/** The API keys a Binance fake accepts, and the one signature check both the REST and WebSocket API fakes use. */
final class BinanceKeyring {
    /** What a signature check found. */
    enum Verdict {
        /** The key is known and the signature verifies. */
        VALID,
        /** No such API key: Binance answers -2015. */
        UNKNOWN_KEY,
        /** The key is known, the signature does not verify: Binance answers -1022. */
        BAD_SIGNATURE
    }

    private final Map<String, String> hmacKeys = new ConcurrentHashMap<>();
    private final Map<String, PublicKey> publicKeys = new ConcurrentHashMap<>();

    void acceptHmac(String apiKey, String secretKey) {
        hmacKeys.put(apiKey, secretKey);
    }

    void acceptPublicKey(String apiKey, PublicKey publicKey) {
        publicKeys.put(apiKey, publicKey);
    }

    /** @return the Ed25519/RSA public key of an API key, or {@code null} */
    PublicKey publicKey(String apiKey) {
        return apiKey == null ? null : publicKeys.get(apiKey);
    }

    /**
     * @param apiKey the API key the request names (may be {@code null})
     * @param payload the signed payload
     * @param signature hex (HMAC) or base64 (Ed25519, RSA)
     * @return the verdict
     */
    Verdict check(String apiKey, String payload, String signature) {
        if (apiKey != null && hmacKeys.containsKey(apiKey)) {
            return MessageDigest.isEqual(hmacHex(hmacKeys.get(apiKey), payload).getBytes(StandardCharsets.US_ASCII),
                    signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))
                    ? Verdict.VALID : Verdict.BAD_SIGNATURE;
        }
        PublicKey key = publicKey(apiKey);
        if (key == null) {
            return Verdict.UNKNOWN_KEY;
        }
        try {
            Signature s = Signature.getInstance(key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "Ed25519");
            s.initVerify(key);
            s.update(payload.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signature)) ? Verdict.VALID : Verdict.BAD_SIGNATURE;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Verdict.BAD_SIGNATURE;
        }
    }

    static String hmacHex(String secret, String payload) {
        return new HmacUtils(HmacAlgorithms.HMAC_SHA_256, secret.getBytes(StandardCharsets.UTF_8))
                .hmacHex(payload.getBytes(StandardCharsets.UTF_8));
    }
}
