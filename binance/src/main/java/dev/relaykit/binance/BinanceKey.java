package dev.relaykit.binance;

import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.sign.PayloadSigner;
import dev.relaykit.core.sign.PemKeys;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Objects;

/**
 * A Binance API key and what signs with it: an HMAC secret, or an Ed25519 or RSA private key.
 *
 * <pre>{@code
 * BinanceKey.hmac(apiKey, secretKey);
 * BinanceKey.ed25519(apiKey, Path.of("ed25519-private.pem"));   // needed for the WebSocket API's session.logon
 * BinanceKey.rsa(apiKey, Path.of("rsa-private.pem"));
 * }</pre>
 *
 * <p>Neither the key nor the secret ever appears in {@link #toString()}, a log line or an exception.
 */
public final class BinanceKey {
    /** Which kind of key signs. */
    public enum Type {
        /** HMAC-SHA256 with a secret; hex signature. */
        HMAC,
        /** Ed25519 private key; base64 signature. The only type {@code session.logon} accepts. */
        ED25519,
        /** RSA private key (SHA256withRSA); base64 signature. */
        RSA
    }

    private final Secret apiKey;
    private final Type type;
    private final PayloadSigner signer;

    private BinanceKey(Secret apiKey, Type type, PayloadSigner signer) {
        this.apiKey = apiKey;
        this.type = type;
        this.signer = signer;
    }

    /**
     * @param apiKey the API key
     * @param secretKey the secret key
     * @return an HMAC key
     */
    public static BinanceKey hmac(String apiKey, String secretKey) {
        return new BinanceKey(secret(apiKey, "apiKey"), Type.HMAC,
                PayloadSigner.hmacSha256Hex(secret(secretKey, "secretKey")));
    }

    /**
     * @param apiKey the API key registered for this Ed25519 public key
     * @param privateKeyPem a PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----})
     * @return an Ed25519 key
     */
    public static BinanceKey ed25519(String apiKey, Path privateKeyPem) {
        return of(apiKey, PemKeys.privateKey(privateKeyPem), Type.ED25519);
    }

    /**
     * @param apiKey the API key registered for this Ed25519 public key
     * @param privateKeyPem PKCS#8 PEM text
     * @return an Ed25519 key
     */
    public static BinanceKey ed25519(String apiKey, String privateKeyPem) {
        return of(apiKey, PemKeys.privateKey(privateKeyPem), Type.ED25519);
    }

    /**
     * @param apiKey the API key registered for this RSA public key
     * @param privateKeyPem a PKCS#8 (or PKCS#1) PEM file
     * @return an RSA key
     */
    public static BinanceKey rsa(String apiKey, Path privateKeyPem) {
        return of(apiKey, PemKeys.privateKey(privateKeyPem), Type.RSA);
    }

    /**
     * @param apiKey the API key registered for this RSA public key
     * @param privateKeyPem PKCS#8 (or PKCS#1) PEM text
     * @return an RSA key
     */
    public static BinanceKey rsa(String apiKey, String privateKeyPem) {
        return of(apiKey, PemKeys.privateKey(privateKeyPem), Type.RSA);
    }

    private static BinanceKey of(String apiKey, PrivateKey key, Type expected) {
        String algorithm = key.getAlgorithm();
        boolean ok = expected == Type.RSA ? algorithm.equals("RSA")
                : algorithm.equals("Ed25519") || algorithm.equals("EdDSA");
        if (!ok) {
            throw new IllegalArgumentException("expected an " + expected + " private key, got " + algorithm);
        }
        return new BinanceKey(secret(apiKey, "apiKey"), expected, PayloadSigner.forPrivateKey(key));
    }

    private static Secret secret(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        return Secret.of(value);
    }

    /** @return the API key, sent in {@code X-MBX-APIKEY} */
    public Secret apiKey() {
        return apiKey;
    }

    /** @return the key type */
    public Type type() {
        return type;
    }

    /** @return the signer: hex HMAC, or base64 Ed25519/RSA */
    public PayloadSigner signer() {
        return signer;
    }

    @Override
    public String toString() {
        return "BinanceKey[" + type + ", apiKey=***]";
    }
}
