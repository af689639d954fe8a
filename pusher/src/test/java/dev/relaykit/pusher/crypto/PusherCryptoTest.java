package dev.relaykit.pusher.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.core.secret.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PusherCryptoTest {
    // the worked examples of https://pusher.com/docs/channels/library_auth_reference/auth-signatures/
    private final PusherSigner signer = new PusherSigner("278d425bdf160c739803", Secret.of("7ad3773142a6692b25b8"));

    @Test
    void signaturesMatchThePusherDocsWorkedExamples() {
        assertThat(signer.authorizeChannel("1234.1234", "private-foobar"))
                .isEqualTo("278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4");
        assertThat(signer.authorizePresence("1234.1234", "presence-foobar",
                "{\"user_id\":10,\"user_info\":{\"name\":\"Mr. Channels\"}}"))
                .isEqualTo("278d425bdf160c739803:31935e7d86dba64c2a90aed31fdc61869f9b22ba9d8863bba239c03ca481bc80");
        assertThat(signer.authenticateUser("1234.1234", "{\"id\":\"12345\"}"))
                .isEqualTo("278d425bdf160c739803:4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba");
    }

    @Test
    void badInputIsRefusedByName() {
        assertThatThrownBy(() -> signer.authorizeChannel("12341234", "private-a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("socket id '12341234'");
        assertThatThrownBy(() -> signer.authorizeChannel("1.1", "private-a b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'private-a b'");
        assertThatThrownBy(() -> signer.authorizeChannel("1.1", "private-" + "x".repeat(157)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 164");
        assertThat(signer.authorizeChannel("1.1", "private-" + "x".repeat(156))).startsWith("278d425bdf160c739803:");
        assertThatThrownBy(() -> signer.authorizePresence("1.1", "private-a", "{\"user_id\":1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a presence channel");
        assertThatThrownBy(() -> new PusherSigner("key", Secret.of("")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret is empty");
        assertThat(signer.toString()).doesNotContain("7ad3773142a6692b25b8");
    }

    // box made by tweetnacl 1.0.3 (the NaCl port pusher-js uses): nacl.secretbox(message, nonce, key)
    // with key = bytes 0..31 and nonce = bytes 100..123
    private static final String TWEETNACL_BOX =
            "fxvhyBi5E32Di8Osv9jWunmb9KxJxa+O1d8Ztl/hz3RRil3Jh9Qya9JpJrR95LvkzE3YOiEVodDHaw==";
    private static final String MESSAGE = "{\"message\":\"hello encrypted world\",\"n\":42}";

    @Test
    void secretBoxIsByteCompatibleWithTweetnacl() {
        byte[] key = sequence(0, 32);
        byte[] nonce = sequence(100, 24);
        byte[] box = SecretBox.seal(key, nonce, MESSAGE.getBytes(StandardCharsets.UTF_8));
        assertThat(Base64.getEncoder().encodeToString(box)).isEqualTo(TWEETNACL_BOX);
        assertThat(new String(SecretBox.open(key, nonce, Base64.getDecoder().decode(TWEETNACL_BOX)).orElseThrow(),
                StandardCharsets.UTF_8)).isEqualTo(MESSAGE);
    }

    @Test
    void aTamperedShortOrForeignBoxDoesNotOpen() {
        byte[] key = sequence(0, 32);
        byte[] nonce = sequence(100, 24);
        byte[] box = Base64.getDecoder().decode(TWEETNACL_BOX);
        for (int i : new int[] {0, 15, 16, box.length - 1}) {
            byte[] bad = box.clone();
            bad[i] ^= 1;
            assertThat(SecretBox.open(key, nonce, bad)).as("byte %d flipped", i).isEmpty();
        }
        assertThat(SecretBox.open(key, nonce, new byte[15])).isEmpty();
        assertThat(SecretBox.open(sequence(1, 32), nonce, box)).isEmpty();
        assertThatThrownBy(() -> SecretBox.seal(new byte[31], nonce, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key must be 32 bytes, got 31");
        assertThatThrownBy(() -> SecretBox.open(key, new byte[12], box))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nonce must be 24 bytes");
    }

    @Test
    void sharedSecretIsSha256OfChannelThenMasterKey() {
        // computed with Node's crypto the way the `pusher` server library derives it:
        // sha256(Buffer.concat([Buffer.from(channel), masterKey])), master key = bytes 255..224
        byte[] master = new byte[32];
        for (int i = 0; i < 32; i++) {
            master[i] = (byte) (255 - i);
        }
        assertThat(Base64.getEncoder().encodeToString(EncryptedChannels.sharedSecret("private-encrypted-orders", master)))
                .isEqualTo("Kynhb6dBBYY4kPzPaRcAs6/fwkufU433GP8aAo5znUI=");
        assertThatThrownBy(() -> EncryptedChannels.sharedSecret("private-orders", master))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an encrypted channel");
        assertThatThrownBy(() -> EncryptedChannels.sharedSecret("private-encrypted-orders", new byte[16]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be 32 bytes, got 16");
    }

    @Test
    void payloadsRoundTripAndRefuseDamage() {
        byte[] secret = sequence(7, 32);
        EncryptedChannels.Payload p = EncryptedChannels.encrypt(secret, MESSAGE);
        EncryptedChannels.Payload q = EncryptedChannels.encrypt(secret, MESSAGE);
        assertThat(p.nonce()).isNotEqualTo(q.nonce());
        assertThat(EncryptedChannels.decrypt(secret, p.nonce(), p.ciphertext())).contains(MESSAGE);
        assertThat(EncryptedChannels.decrypt(secret, q.nonce(), p.ciphertext())).isEmpty();
        assertThat(EncryptedChannels.decrypt(secret, "not base64!", p.ciphertext())).isEmpty();
        assertThat(EncryptedChannels.decrypt(secret, "AAAA", p.ciphertext())).isEmpty();
    }

    private static byte[] sequence(int start, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (start + i);
        }
        return b;
    }
}
