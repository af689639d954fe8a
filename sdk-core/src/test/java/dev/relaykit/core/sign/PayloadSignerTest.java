package dev.relaykit.core.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.testing.OpenSsl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import org.apache.commons.codec.binary.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayloadSignerTest {

    private static byte[] hex(String h) throws Exception {
        return Hex.decodeHex(h);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] repeat(int b, int n) {
        byte[] a = new byte[n];
        Arrays.fill(a, (byte) b);
        return a;
    }

    // Source: Binance Spot API docs, "SIGNED Endpoint security" / "SIGNED request example (HMAC)",
    // https://developers.binance.com/docs/binance-spot-api-docs/rest-api/request-security
    @Test
    void binanceDocsHmacExample() {
        PayloadSigner signer = PayloadSigner.hmacSha256Hex(
                Secret.of("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"));
        String query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
                + "&recvWindow=5000&timestamp=1499827319559";
        assertThat(signer.sign(ascii(query)))
                .isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    // Source: RFC 4231 "Identifiers and Test Vectors for HMAC-SHA-224, HMAC-SHA-256, HMAC-SHA-384,
    // and HMAC-SHA-512", section 4.2 to 4.8 (HMAC-SHA-256 rows), https://www.rfc-editor.org/rfc/rfc4231
    @Test
    void rfc4231TestCases() throws Exception {
        byte[] key25 = new byte[25];
        for (int i = 0; i < 25; i++) {
            key25[i] = (byte) (i + 1);
        }
        Object[][] cases = {
            // 4.2 Test Case 1
            {repeat(0x0b, 20), ascii("Hi There"),
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
            // 4.3 Test Case 2: key "Jefe"
            {ascii("Jefe"), ascii("what do ya want for nothing?"),
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
            // 4.4 Test Case 3
            {repeat(0xaa, 20), repeat(0xdd, 50),
                "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"},
            // 4.5 Test Case 4
            {key25, repeat(0xcd, 50),
                "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"},
            // 4.7 Test Case 6: key larger than the block size
            {repeat(0xaa, 131), ascii("Test Using Larger Than Block-Size Key - Hash Key First"),
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
            // 4.8 Test Case 7
            {repeat(0xaa, 131), ascii("This is a test using a larger than block-size key and a larger than "
                    + "block-size data. The key needs to be hashed before being used by the HMAC algorithm."),
                "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"},
        };
        for (Object[] c : cases) {
            PayloadSigner hexSigner = PayloadSigner.hmacSha256Hex(Secret.ofBytes((byte[]) c[0]));
            assertThat(hexSigner.sign((byte[]) c[1])).isEqualTo(c[2]);
            PayloadSigner b64Signer = PayloadSigner.hmacSha256Base64(Secret.ofBytes((byte[]) c[0]));
            assertThat(Base64.getDecoder().decode(b64Signer.sign((byte[]) c[1]))).isEqualTo(hex((String) c[2]));
        }
        // 4.6 Test Case 5: output truncated to 128 bits
        String tc5 = PayloadSigner.hmacSha256Hex(Secret.ofBytes(repeat(0x0c, 20))).sign(ascii("Test With Truncation"));
        assertThat(tc5).startsWith("a3b6167473100ee06e0c796c2955552b");
    }

    @Test
    void hmacAgreesWithOpenssl() throws Exception {
        String secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
        byte[] payload = ascii("symbol=BTCUSDT&side=SELL&quantity=0.00100000&timestamp=1700000000000");
        String openssl = OpenSsl.runText(payload, "dgst", "-sha256", "-hmac", secret, "-r");
        assertThat(PayloadSigner.hmacSha256Hex(Secret.of(secret)).sign(payload))
                .isEqualTo(openssl.split(" ")[0]);
    }

    // Source: RFC 8032 "Edwards-Curve Digital Signature Algorithm (EdDSA)", section 7.1
    // "Test Vectors for Ed25519", TEST 1, TEST 2 and TEST 3, https://www.rfc-editor.org/rfc/rfc8032#section-7.1
    @Test
    void rfc8032Ed25519Vectors() throws Exception {
        String[][] vectors = {
            {"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
                "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                    + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"},
            {"4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
                "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
                "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                    + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"},
            {"c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
                "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
                "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
                    + "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"},
        };
        for (String[] v : vectors) {
            // the JDK takes the 32-byte seed wrapped in PKCS#8: 302e020100300506032b657004220420 || seed
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(
                    new java.security.spec.PKCS8EncodedKeySpec(hex("302e020100300506032b657004220420" + v[0])));
            String sig = PayloadSigner.ed25519(key).sign(hex(v[2]));
            assertThat(Hex.encodeHexString(Base64.getDecoder().decode(sig))).isEqualTo(v[3]);
            // the same key through PemKeys.ed25519FromSeed
            assertThat(PayloadSigner.ed25519(PemKeys.ed25519FromSeed(hex(v[0]))).sign(hex(v[2]))).isEqualTo(sig);
            // and the published public key verifies it
            PublicKey pub = KeyFactory.getInstance("Ed25519").generatePublic(
                    new X509EncodedKeySpec(hex("302a300506032b6570032100" + v[1])));
            Signature verify = Signature.getInstance("Ed25519");
            verify.initVerify(pub);
            verify.update(hex(v[2]));
            assertThat(verify.verify(hex(v[3]))).isTrue();
        }
    }

    @Test
    void rsaSignatureVerifiesAndMatchesOpenssl(@TempDir Path dir) throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        KeyPair pair = gen.generateKeyPair();
        byte[] payload = ascii("symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=0.2&timestamp=1668481559918");

        String sig = PayloadSigner.rsaSha256(pair.getPrivate()).sign(payload);

        Signature verify = Signature.getInstance("SHA256withRSA");
        verify.initVerify(pair.getPublic());
        verify.update(payload);
        assertThat(verify.verify(Base64.getDecoder().decode(sig))).isTrue();

        // PKCS#1 v1.5 is deterministic: openssl must produce the very same bytes with the same key
        Path pem = dir.resolve("key.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        byte[] openssl = OpenSsl.run(payload, "dgst", "-sha256", "-sign", pem.toString());
        assertThat(Base64.getDecoder().decode(sig)).isEqualTo(openssl);
        // and via PemKeys from the same file
        assertThat(PayloadSigner.forPrivateKey(PemKeys.privateKey(pem)).sign(payload)).isEqualTo(sig);
    }

    @Test
    void ed25519MatchesOpensslWithOpensslGeneratedKey(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("ed.pem");
        OpenSsl.run(new byte[0], "genpkey", "-algorithm", "ed25519", "-out", pem.toString());
        byte[] payload = ascii("apiKey=abc&symbol=BTCUSDT&timestamp=1668481559918");
        Path in = dir.resolve("payload");
        Files.write(in, payload);
        byte[] openssl = OpenSsl.run(new byte[0], "pkeyutl", "-sign", "-inkey", pem.toString(), "-rawin", "-in", in.toString());

        PayloadSigner signer = PayloadSigner.forPrivateKey(PemKeys.privateKey(pem));
        assertThat(Base64.getDecoder().decode(signer.sign(payload))).isEqualTo(openssl);
    }

    @Test
    void toStringNamesAlgorithmOnly() throws Exception {
        String secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
        assertThat(PayloadSigner.hmacSha256Hex(Secret.of(secret)).toString())
                .isEqualTo("PayloadSigner[HMAC-SHA256/hex]").doesNotContain(secret);
        PrivateKey ed = PemKeys.ed25519FromSeed(new byte[32]);
        assertThat(PayloadSigner.ed25519(ed).toString()).isEqualTo("PayloadSigner[Ed25519/base64]");
    }

    @Test
    void wrongKeyTypeFailsAtConstruction() throws Exception {
        PrivateKey ed = PemKeys.ed25519FromSeed(new byte[32]);
        assertThatThrownBy(() -> PayloadSigner.rsaSha256(ed))
                .hasMessageContaining("SHA256withRSA").hasMessageContaining("key algorithm EdDSA");
        assertThatThrownBy(() -> PayloadSigner.hmacSha256Hex(Secret.of("")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
