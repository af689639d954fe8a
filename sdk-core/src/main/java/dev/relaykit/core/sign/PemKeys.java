package dev.relaykit.core.sign;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads private keys from PEM text or files with the JDK alone.
 *
 * <p>Understood: {@code -----BEGIN PRIVATE KEY-----} (PKCS#8, RSA or Ed25519) and
 * {@code -----BEGIN RSA PRIVATE KEY-----} (PKCS#1, wrapped into PKCS#8 here). Anything else, an
 * encrypted key among them, fails with a message naming the conversion:
 * {@code openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem}. Messages never contain key
 * material.
 */
public final class PemKeys {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final String FIX = "convert it to an unencrypted PKCS#8 \"PRIVATE KEY\" with "
            + "`openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem`";
    /** DER of AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
    private static final byte[] RSA_ALGORITHM_ID = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    /** DER prefix of a PKCS#8 Ed25519 key (RFC 8410) before its 32-byte seed. */
    private static final byte[] ED25519_PKCS8_PREFIX = {
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20};

    private PemKeys() {
    }

    /**
     * Reads the first private key in a PEM file.
     *
     * @param file the PEM file
     * @return the key (algorithm {@code RSA} or {@code Ed25519})
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if it holds no supported key
     */
    public static PrivateKey privateKey(Path file) {
        try {
            return privateKey(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file, e);
        }
    }

    /**
     * Reads the first private key in PEM text.
     *
     * @param pem the PEM text
     * @return the key (algorithm {@code RSA} or {@code Ed25519})
     * @throws IllegalArgumentException if it holds no supported key
     */
    public static PrivateKey privateKey(String pem) {
        Matcher m = PEM.matcher(pem);
        while (m.find()) {
            String type = m.group(1);
            String body = m.group(2);
            switch (type) {
                case "PRIVATE KEY":
                    return pkcs8(decode(body, type));
                case "RSA PRIVATE KEY":
                    if (body.contains("ENCRYPTED")) {
                        throw new IllegalArgumentException("the RSA private key is encrypted; " + FIX);
                    }
                    return pkcs8(wrapPkcs1(decode(body, type)));
                case "ENCRYPTED PRIVATE KEY":
                    throw new IllegalArgumentException("the private key is encrypted; " + FIX);
                case "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "DSA PRIVATE KEY":
                    throw new IllegalArgumentException("unsupported PEM type \"" + type + "\"; only RSA and "
                            + "Ed25519 keys are supported; " + FIX);
                default:
                    // a certificate or public key before the private key: keep looking
            }
        }
        throw new IllegalArgumentException("no \"PRIVATE KEY\" or \"RSA PRIVATE KEY\" PEM block found; " + FIX);
    }

    /**
     * Builds an Ed25519 private key from its raw 32-byte seed (the "secret key" of RFC 8032).
     *
     * @param seed the 32-byte seed
     * @return the key
     * @throws IllegalArgumentException if the seed is not 32 bytes
     */
    public static PrivateKey ed25519FromSeed(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes, got " + seed.length);
        }
        byte[] der = new byte[ED25519_PKCS8_PREFIX.length + 32];
        System.arraycopy(ED25519_PKCS8_PREFIX, 0, der, 0, ED25519_PKCS8_PREFIX.length);
        System.arraycopy(seed, 0, der, ED25519_PKCS8_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot build an Ed25519 key: " + e.getClass().getSimpleName(), e);
        }
    }

    private static byte[] decode(String body, String type) {
        if (body.contains(":")) {
            throw new IllegalArgumentException("the \"" + type + "\" block has headers (is it encrypted?); " + FIX);
        }
        try {
            return Base64.getMimeDecoder().decode(body.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the \"" + type + "\" block is not valid base64");
        }
    }

    private static PrivateKey pkcs8(byte[] der) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : new String[] {"RSA", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException notThisOne) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("the PKCS#8 key is neither RSA nor Ed25519 (or is malformed); "
                + "only RSA and Ed25519 keys are supported");
    }

    /** PrivateKeyInfo ::= SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET STRING pkcs1 } (RFC 5208). */
    private static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(new byte[] {0x02, 0x01, 0x00});
        content.writeBytes(RSA_ALGORITHM_ID);
        content.write(0x04);
        content.writeBytes(derLength(pkcs1.length));
        content.writeBytes(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.writeBytes(derLength(content.size()));
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }

    private static byte[] derLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
        byte[] out = new byte[bytes + 1];
        out[0] = (byte) (0x80 | bytes);
        for (int i = 0; i < bytes; i++) {
            out[bytes - i] = (byte) (length >>> (8 * i));
        }
        return out;
    }
}
