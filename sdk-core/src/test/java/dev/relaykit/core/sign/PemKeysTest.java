package dev.relaykit.core.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.core.testing.OpenSsl;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemKeysTest {
    private static final byte[] PAYLOAD = "recvWindow=5000&timestamp=1668757000921".getBytes(StandardCharsets.UTF_8);

    private static String opensslRsaSignature(Path key) throws Exception {
        return Base64.getEncoder().encodeToString(OpenSsl.run(PAYLOAD, "dgst", "-sha256", "-sign", key.toString()));
    }

    @Test
    void readsPkcs8RsaKeyFromFileAndString(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("rsa-pkcs8.pem");
        OpenSsl.run(new byte[0], "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key.toString());
        assertThat(Files.readString(key)).contains("-----BEGIN PRIVATE KEY-----");

        PrivateKey fromFile = PemKeys.privateKey(key);
        PrivateKey fromString = PemKeys.privateKey(Files.readString(key));
        assertThat(fromFile.getAlgorithm()).isEqualTo("RSA");
        assertThat(fromString.getEncoded()).isEqualTo(fromFile.getEncoded());
        assertThat(PayloadSigner.rsaSha256(fromFile).sign(PAYLOAD)).isEqualTo(opensslRsaSignature(key));
    }

    @Test
    void readsPkcs1RsaKey(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("rsa-pkcs1.pem");
        OpenSsl.run(new byte[0], "genrsa", "-traditional", "-out", key.toString(), "2048");
        assertThat(Files.readString(key)).contains("-----BEGIN RSA PRIVATE KEY-----");

        PrivateKey k = PemKeys.privateKey(key);
        assertThat(k.getAlgorithm()).isEqualTo("RSA");
        assertThat(PayloadSigner.forPrivateKey(k).sign(PAYLOAD)).isEqualTo(opensslRsaSignature(key));
    }

    @Test
    void readsEd25519KeyAfterOtherBlocks(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("ed.pem");
        OpenSsl.run(new byte[0], "genpkey", "-algorithm", "ed25519", "-out", key.toString());
        String pub = OpenSsl.runText(new byte[0], "pkey", "-in", key.toString(), "-pubout");
        // a public key block before the private key is skipped
        PrivateKey k = PemKeys.privateKey(pub + "\n" + Files.readString(key));
        assertThat(k.getAlgorithm()).isIn("Ed25519", "EdDSA");
    }

    @Test
    void encryptedKeyFailsNamingTheFix(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("enc.pem");
        OpenSsl.run(new byte[0], "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024",
                "-aes-128-cbc", "-pass", "pass:hunter22", "-out", key.toString());
        String pem = Files.readString(key);
        assertThat(pem).contains("ENCRYPTED PRIVATE KEY");
        assertThatThrownBy(() -> PemKeys.privateKey(pem))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("openssl pkcs8 -topk8")
                .hasMessageNotContaining(pem.lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void ecKeyAndGarbageFailClearly(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("ec.pem");
        OpenSsl.run(new byte[0], "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", key.toString());
        String pem = Files.readString(key);
        assertThat(pem).contains("EC PRIVATE KEY");
        assertThatThrownBy(() -> PemKeys.privateKey(pem))
                .hasMessageContaining("EC PRIVATE KEY").hasMessageContaining("openssl pkcs8 -topk8");
        assertThatThrownBy(() -> PemKeys.privateKey("not a key"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no \"PRIVATE KEY\"");
        assertThatThrownBy(() -> PemKeys.ed25519FromSeed(new byte[31]))
                .hasMessageContaining("32 bytes");
    }
}
