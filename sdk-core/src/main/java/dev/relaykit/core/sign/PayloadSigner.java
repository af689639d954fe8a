package dev.relaykit.core.sign;

import dev.relaykit.core.RelayKitException;
import dev.relaykit.core.secret.Secret;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Objects;
import org.apache.commons.codec.binary.Base64;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;

/**
 * Signs a payload and returns the signature as text, ready to send.
 *
 * <p>The factories cover what exchanges use: HMAC-SHA256 as lower-case hex (Binance, Bybit) or
 * base64, Ed25519 and RSA-SHA256 (PKCS#1 v1.5, {@code SHA256withRSA}) as base64. All use the JDK's
 * providers (HMAC and the hex and base64 text through commons-codec). Instances are thread-safe, and their
 * {@code toString()} names the algorithm only.
 */
@FunctionalInterface
public interface PayloadSigner {

    /**
     * @param payload the exact bytes to sign
     * @return the signature as text
     * @throws RelayKitException if the JDK cannot sign (for example, a key of the wrong type)
     */
    String sign(byte[] payload);

    /**
     * HMAC-SHA256, lower-case hex (Binance's HMAC keys).
     *
     * @param key the shared secret
     * @return the signer
     */
    static PayloadSigner hmacSha256Hex(Secret key) {
        return new Signers.Hmac(key, true);
    }

    /**
     * HMAC-SHA256, standard base64 with padding.
     *
     * @param key the shared secret
     * @return the signer
     */
    static PayloadSigner hmacSha256Base64(Secret key) {
        return new Signers.Hmac(key, false);
    }

    /**
     * Ed25519 (RFC 8032), standard base64.
     *
     * @param key an Ed25519 private key, for example from {@link PemKeys#privateKey(String)}
     * @return the signer
     */
    static PayloadSigner ed25519(PrivateKey key) {
        return new Signers.Jdk("Ed25519", key);
    }

    /**
     * RSA with SHA-256 and PKCS#1 v1.5 padding ({@code SHA256withRSA}), standard base64.
     *
     * @param key an RSA private key, for example from {@link PemKeys#privateKey(String)}
     * @return the signer
     */
    static PayloadSigner rsaSha256(PrivateKey key) {
        return new Signers.Jdk("SHA256withRSA", key);
    }

    /**
     * Picks {@link #ed25519(PrivateKey)} or {@link #rsaSha256(PrivateKey)} by the key's algorithm.
     *
     * @param key an Ed25519 or RSA private key
     * @return the signer
     * @throws IllegalArgumentException for any other key type
     */
    static PayloadSigner forPrivateKey(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "Ed25519", "EdDSA" -> ed25519(key);
            case "RSA" -> rsaSha256(key);
            default -> throw new IllegalArgumentException("unsupported key algorithm " + key.getAlgorithm()
                    + "; use an Ed25519 or RSA private key");
        };
    }
}

/** The built-in signers; named classes so that {@code toString()} says what they are and nothing more. */
final class Signers {
    private Signers() {
    }

    static final class Hmac implements PayloadSigner {
        private final byte[] key;
        private final boolean hex;

        Hmac(Secret secret, boolean hex) {
            byte[] bytes = Objects.requireNonNull(secret, "secret").bytes();
            if (bytes.length == 0) {
                throw new IllegalArgumentException("HMAC secret is empty");
            }
            this.key = bytes;
            this.hex = hex;
        }

        @Override
        public String sign(byte[] payload) {
            // a HmacUtils holds a Mac, which is not thread-safe: one per signature, as Mac.getInstance was
            byte[] sig = new HmacUtils(HmacAlgorithms.HMAC_SHA_256, key).hmac(payload);
            return hex ? Hex.encodeHexString(sig) : Base64.encodeBase64String(sig);
        }

        @Override
        public String toString() {
            return "PayloadSigner[HMAC-SHA256/" + (hex ? "hex" : "base64") + "]";
        }
    }

    static final class Jdk implements PayloadSigner {
        private final String algorithm;
        private final PrivateKey key;

        Jdk(String algorithm, PrivateKey key) {
            this.algorithm = algorithm;
            this.key = Objects.requireNonNull(key, "key");
            sign(new byte[0]); // fail now, not at the first request, if the key does not fit
        }

        @Override
        public String sign(byte[] payload) {
            try {
                Signature s = Signature.getInstance(algorithm);
                s.initSign(key);
                s.update(payload);
                return Base64.encodeBase64String(s.sign());
            } catch (GeneralSecurityException e) {
                throw new RelayKitException("cannot sign with " + algorithm + " (key algorithm "
                        + key.getAlgorithm() + "): " + e.getClass().getSimpleName(), e);
            }
        }

        @Override
        public String toString() {
            return "PayloadSigner[" + algorithm + "/base64]";
        }
    }
}
