package dev.relaykit.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.relaykit.core.DecodeException;
import dev.relaykit.testkit.FakeGraphApi;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads are real multipart, downloads stream to disk and need the token, checks happen before sending. */
class MediaTest {
    @TempDir
    Path dir;

    private FakeGraphApi fake;
    private WhatsAppClient client;

    @BeforeEach
    void start() {
        fake = FakeGraphApi.start(Fixtures.TOKEN);
        client = Fixtures.client(fake, Fixtures.FAST);
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(42).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void uploadIsMultipartWithTheDocumentedParts() throws Exception {
        byte[] png = random(200_000);
        Path file = Files.write(dir.resolve("menu.png"), png);
        String id = client.uploadMedia(file, "image/png");

        assertThat(fake.media(id)).isEqualTo(png);
        LoggedRequest r = fake.rest().requests().get(0);
        assertThat(r.getUrl()).isEqualTo("/v26.0/" + FakeGraphApi.PHONE_NUMBER_ID + "/media");
        assertThat(r.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(r.getParts()).extracting(p -> p.getName()).containsExactly("messaging_product", "type", "file");
        assertThat(r.getPart("messaging_product").getBody().asString()).isEqualTo("whatsapp");
        assertThat(r.getPart("type").getBody().asString()).isEqualTo("image/png");
        assertThat(r.getPart("file").getHeader("Content-Disposition").firstValue())
                .isEqualTo("form-data; name=\"file\"; filename=\"menu.png\"");
        assertThat(r.getPart("file").getHeader("Content-Type").firstValue()).isEqualTo("image/png");

        String second = client.uploadMediaAsync(file, "image/png").get();
        assertThat(second).isNotEqualTo(id);
    }

    @Test
    void typeAndSizeAreCheckedBeforeUploading() throws Exception {
        Path gif = Files.write(dir.resolve("a.gif"), random(10));
        assertThatThrownBy(() -> client.uploadMedia(gif, "image/gif"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image/gif").hasMessageContaining("image/png");
        Path big = dir.resolve("big.png");
        try (var ch = Files.newByteChannel(big, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.SPARSE)) {
            ch.position(5L * 1024 * 1024).write(java.nio.ByteBuffer.wrap(new byte[1])); // 5 MB + 1 byte
        }
        assertThatThrownBy(() -> client.uploadMedia(big, "image/png"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5242881 bytes").hasMessageContaining("5242880");
        Path sticker = Files.write(dir.resolve("s.webp"), random(600 * 1024));
        assertThatThrownBy(() -> client.uploadMedia(sticker, "image/webp"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sticker");
        Path empty = Files.write(dir.resolve("e.pdf"), new byte[0]);
        assertThatThrownBy(() -> client.uploadMedia(empty, "application/pdf"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThat(MediaKind.forMimeType("audio/ogg; codecs=opus")).isEqualTo(MediaKind.AUDIO);
        assertThat(MediaKind.forMimeType("video/3gpp")).isEqualTo(MediaKind.VIDEO);
        assertThat(fake.rest().requests()).isEmpty();
    }

    @Test
    void downloadStreamsALargeFileToDiskAndChecksItsHash() throws Exception {
        byte[] video = random(6 * 1024 * 1024 + 123);
        String id = fake.storeMedia(video, "video/mp4");

        MediaInfo info = client.retrieveMedia(id);
        assertThat(info.id()).isEqualTo(id);
        assertThat(info.mimeType()).isEqualTo("video/mp4");
        assertThat(info.fileSize()).isEqualTo(video.length);
        assertThat(info.sha256()).isEqualTo(sha256(video));
        assertThat(info.url()).startsWith(fake.baseUrl());

        Path target = dir.resolve("in/video.mp4");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old content");
        MediaInfo downloaded = client.downloadMedia(id, target);
        assertThat(downloaded.sha256()).isEqualTo(sha256(video));
        assertThat(sha256(Files.readAllBytes(target))).isEqualTo(sha256(video));
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target); // no temporary file left behind
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        client.downloadMediaAsync(id, out).get();
        assertThat(sha256(out.toByteArray())).isEqualTo(sha256(video));

        LoggedRequest download = fake.rest().requests().stream()
                .filter(r -> r.getUrl().startsWith("/whatsapp_business/attachments/")).findFirst().orElseThrow();
        assertThat(download.getHeader("Authorization")).isEqualTo("Bearer " + Fixtures.TOKEN);
    }

    @Test
    void theDownloadUrlRefusesARequestWithoutTheToken() throws Exception {
        String id = fake.storeMedia(new byte[] {1, 2, 3}, "image/png");
        String url = client.retrieveMedia(id).url();
        try (Response r = new OkHttpClient().newCall(new Request.Builder().url(url).build()).execute()) {
            assertThat(r.code()).isEqualTo(401);
            assertThat(r.body().string()).contains("\"code\":190", "OAuthException");
        }
    }

    @Test
    void aDownloadThatDoesNotMatchItsHashLeavesNoFile() throws Exception {
        String id = fake.storeMedia(new byte[] {1, 2, 3}, "image/png");
        fake.rest().wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/whatsapp_business/attachments/"))
                .atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200).withBody(new byte[] {9, 9, 9})));
        Path target = dir.resolve("x.png");
        assertThatThrownBy(() -> client.downloadMedia(id, target))
                .isInstanceOf(DecodeException.class).hasMessageContaining("do not match its sha256");
        assertThat(target).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void deleteRemovesTheMedia() throws Exception {
        String id = fake.storeMedia(new byte[] {1}, "image/png");
        assertThat(client.deleteMedia(id)).isTrue();
        assertThat(fake.media(id)).isNull();
        assertThatThrownBy(() -> client.deleteMediaAsync(id).join())
                .hasCauseInstanceOf(WhatsAppApiException.class)
                .cause().satisfies(e -> assertThat(((WhatsAppApiException) e).kind()).isEqualTo(WhatsAppApiException.Kind.INVALID_PARAMETER));
    }
}
