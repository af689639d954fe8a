package dev.relaykit.telegram.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.relaykit.core.TransportException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okio.Buffer;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * getFile and the download from /file/bot&lt;token&gt;/&lt;file_path&gt; (core.telegram.org/bots/api#getfile):
 * streamed with progress, written into place only when complete, and the token in no log line or exception.
 */
class BotFilesTest extends BotServerTest {
    PrintStream originalErr;
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void captureLog() {
        originalErr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8)); // slf4j-simple writes here
    }

    @AfterEach
    void restoreLog() {
        System.setErr(originalErr);
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    record Tick(long done, long total, long atNanos, int written) {
    }

    @Test
    void getFileThenADownloadStreamedInChunksWithProgressFromTheDocumentedUrl(@TempDir Path dir) throws Exception {
        byte[] content = bytes(300_000); // BotFixtures.FILE's file_size
        t.ok(BotFixtures.FILE);
        // 300 kB at 32 kB per 40 ms: about 400 ms on the wire, so a client that buffered the whole body
        // before telling anyone would report every step at the end
        t.server.enqueue(new MockResponse().setBody(new Buffer().write(content))
                .throttleBody(32 * 1024, 40, TimeUnit.MILLISECONDS));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Tick> ticks = new CopyOnWriteArrayList<>();

        BotFile file = t.bot.files().getFile("BQACAgIAAxkBAAIC");
        long n = t.bot.files().download(file, out,
                (done, total) -> ticks.add(new Tick(done, total, System.nanoTime(), out.size())));

        assertThat(t.json("getFile").path("file_id").asText()).isEqualTo("BQACAgIAAxkBAAIC");
        RecordedRequest download = t.next();
        assertThat(download.getMethod()).isEqualTo("GET");
        assertThat(download.getPath()).isEqualTo("/file/bot" + BotServer.TOKEN + "/documents/file_1.pdf");
        assertThat(file.filePath()).isEqualTo("documents/file_1.pdf");
        assertThat(file.fileUniqueId()).isEqualTo("AgADBQAC");
        assertThat(n).isEqualTo(content.length);
        assertThat(out.toByteArray()).isEqualTo(content);

        assertThat(ticks.size()).isGreaterThan(5);
        assertThat(ticks).allMatch(tk -> tk.total() == 300_000);
        assertThat(ticks.get(ticks.size() - 1).done()).isEqualTo(300_000);
        for (int i = 1; i < ticks.size(); i++) {
            assertThat(ticks.get(i).done()).isGreaterThanOrEqualTo(ticks.get(i - 1).done());
            assertThat(ticks.get(i).written()).as("bytes reached the stream as they came").isEqualTo(ticks.get(i).done());
        }
        Tick firstBytes = ticks.stream().filter(tk -> tk.done() > 0).findFirst().orElseThrow();
        long spreadMillis = TimeUnit.NANOSECONDS.toMillis(ticks.get(ticks.size() - 1).atNanos() - firstBytes.atNanos());
        assertThat(spreadMillis).as("progress came while the body was still arriving").isGreaterThan(150);
    }

    @Test
    void downloadToAPathWritesTheWholeFileOrNothing(@TempDir Path dir) throws Exception {
        byte[] content = bytes(70_000);
        Path target = dir.resolve("report.pdf");
        t.ok(BotFixtures.FILE.replace("\"file_size\":300000,", "")); // no size: the Content-Length tells it
        t.server.enqueue(new MockResponse().setBody(new Buffer().write(content)));
        long[] lastTotal = {0};

        BotFile file = t.bot.files().download("BQACAgIAAxkBAAIC", target, (done, total) -> lastTotal[0] = total);

        assertThat(file.fileSize()).isNull();
        assertThat(lastTotal[0]).isEqualTo(70_000);
        assertThat(Files.readAllBytes(target)).isEqualTo(content);

        Files.write(target, new byte[] {42});
        t.ok(BotFixtures.FILE);
        t.server.enqueue(new MockResponse().setBody(new Buffer().write(bytes(300_000)))
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        assertThatThrownBy(() -> t.bot.files().download("BQACAgIAAxkBAAIC", target, DownloadProgress.NONE))
                .isInstanceOf(TransportException.class);
        assertThat(Files.readAllBytes(target)).as("the old file is untouched").containsExactly(42);
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(target);
        }
    }

    @Test
    void theTokenIsInNoLogLineAndNoExceptionOfAFailedDownload() throws Exception {
        assertThat(LoggerFactory.getLogger(dev.relaykit.core.rest.RestClient.class).isDebugEnabled())
                .as("the REST client logs each request at debug in this test").isTrue();
        BotFile file = BotFile.of(dev.relaykit.core.json.Json.tree(BotFixtures.FILE));
        // the file server's answer once a link expired
        t.server.enqueue(new MockResponse().setResponseCode(404).setHeader("Content-Type", "application/json")
                .setBody("{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}"));
        Throwable notFound = catchThrowable(() -> t.bot.files().download(file, new ByteArrayOutputStream(), DownloadProgress.NONE));
        // a connection that drops mid-body, after the reader had bytes (not retried)
        t.server.enqueue(new MockResponse().setBody(new Buffer().write(bytes(300_000)))
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        Throwable dropped = catchThrowable(() -> t.bot.files().download(file, new ByteArrayOutputStream(), DownloadProgress.NONE));
        t.server.shutdown();
        Throwable refused = catchThrowable(() -> t.bot.files().download(file, new ByteArrayOutputStream(), DownloadProgress.NONE));

        assertThat(notFound).isInstanceOfSatisfying(TelegramApiException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(404);
            assertThat(e.description()).isEqualTo("Not Found");
        });
        assertThat(dropped).isInstanceOf(TransportException.class);
        assertThat(refused).isInstanceOf(TransportException.class);
        String secretPart = BotServer.TOKEN.substring(BotServer.TOKEN.indexOf(':') + 1);
        for (Throwable e : List.of(notFound, dropped, refused)) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain(secretPart);
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        assertThat(logged).as("the downloads were logged").contains("GET /documents/file_1.pdf");
        assertThat(logged).doesNotContain(secretPart);
    }

    @Test
    void aFileWithoutAPathOrWithAnAbsoluteOneIsRefusedClearly() {
        BotFile noPath = BotFile.of(dev.relaykit.core.json.Json.tree("{\"file_id\":\"x\",\"file_unique_id\":\"y\"}"));
        BotFile local = BotFile.of(dev.relaykit.core.json.Json.tree(
                "{\"file_id\":\"x\",\"file_unique_id\":\"y\",\"file_path\":\"/var/lib/telegram-bot-api/x.pdf\"}"));
        assertThatThrownBy(() -> t.bot.files().download(noPath, new ByteArrayOutputStream(), DownloadProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no file_path");
        assertThatThrownBy(() -> t.bot.files().download(local, new ByteArrayOutputStream(), DownloadProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--local");
        assertThat(t.server.getRequestCount()).isZero();
    }
}
