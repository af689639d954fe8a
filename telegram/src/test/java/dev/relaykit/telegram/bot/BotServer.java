package dev.relaykit.telegram.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.secret.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okhttp3.ResponseBody;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer on 127.0.0.1 standing in for api.telegram.org, a {@link TelegramBot} pointed at it,
 * and readers for the requests it records: the method called, the JSON body or the multipart parts.
 */
final class BotServer implements AutoCloseable {
    static final String TOKEN = "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11";

    final MockWebServer server = new MockWebServer();
    final TelegramBot bot;

    BotServer() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        bot = TelegramBot.builder(Secret.of(TOKEN)).baseUrl(server.url("/").toString()).build();
    }

    /** Answers the next request with {@code {"ok":true,"result":<resultJson>}}. */
    BotServer ok(String resultJson) {
        server.enqueue(new MockResponse().setHeader("Content-Type", "application/json")
                .setBody("{\"ok\":true,\"result\":" + resultJson + "}"));
        return this;
    }

    RecordedRequest next() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).as("a request reached the server").isNotNull();
        return r;
    }

    /** The next request, checked to be a JSON POST of {@code method}; its body. */
    JsonNode json(String method) throws InterruptedException {
        RecordedRequest r = next();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getPath()).isEqualTo("/bot" + TOKEN + "/" + method);
        assertThat(r.getHeader("Content-Type")).startsWith("application/json");
        return Json.tree(r.getBody().readUtf8());
    }

    /** One part of a multipart body: its file name (null for a text part), content type and bytes. */
    record Part(String filename, String contentType, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The next request, checked to be a multipart POST of {@code method}; its parts by name, in order. */
    Map<String, Part> multipart(String method) throws Exception {
        RecordedRequest r = next();
        assertThat(r.getPath()).isEqualTo("/bot" + TOKEN + "/" + method);
        assertThat(r.getHeader("Content-Type")).startsWith("multipart/form-data");
        Map<String, Part> parts = new LinkedHashMap<>();
        try (MultipartReader reader = new MultipartReader(ResponseBody.create(r.getBody().readByteArray(),
                MediaType.get(r.getHeader("Content-Type"))))) {
            for (MultipartReader.Part p = reader.nextPart(); p != null; p = reader.nextPart()) {
                String disposition = p.headers().get("Content-Disposition");
                String name = disposition.replaceAll(".*; name=\"([^\"]*)\".*", "$1");
                String filename = disposition.contains("filename=")
                        ? disposition.replaceAll(".*filename=\"([^\"]*)\".*", "$1") : null;
                parts.put(name, new Part(filename, p.headers().get("Content-Type"), p.body().readByteArray()));
            }
        }
        return parts;
    }

    @Override
    public void close() throws IOException {
        bot.close();
        server.shutdown();
    }
}
