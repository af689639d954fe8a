package dev.relaykit.telegram.bot.peer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.testsupport.LineProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of {@code src/test/node/botapi/launcher.js}: the npm package {@code telegram-test-api}, an
 * independent Bot API emulator, on 127.0.0.1 and a free port, with users played through the emulator's own
 * client. The script ends itself after 60 s; {@link #close()} closes its stdin (it stops the server and exits),
 * then kills it if it lingers, and waits until it is gone.
 */
final class BotApiEmulator implements AutoCloseable {
    private static final Duration ANSWER = Duration.ofSeconds(10);

    private final LineProcess process;
    private final BlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();
    private final List<String> unhandled = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final int port;

    private BotApiEmulator(ProcessBuilder command) throws IOException, InterruptedException {
        this.process = LineProcess.start(command, "botapi-emulator", this::onLine);
        JsonNode ready = next();
        if (!ready.path("t").asText().equals("ready")) {
            close();
            throw new IllegalStateException("the emulator did not start: " + ready + "; " + process.stderr());
        }
        this.port = ready.path("port").asInt();
    }

    private void onLine(String line) {
        try {
            JsonNode n = Json.tree(line);
            if (n.path("t").asText().equals("unhandled")) {
                unhandled.add(n.path("message").asText());
            } else {
                lines.add(n);
            }
        } catch (RuntimeException notJson) {
            process.note("[stdout] " + line);
        }
    }

    static BotApiEmulator start() throws IOException, InterruptedException {
        Path dir = LineProcess.findDir("launcher.js", "src/test/node/botapi", "telegram/src/test/node/botapi");
        if (!Files.isRegularFile(dir.resolve("node_modules/telegram-test-api/package.json"))) {
            throw new IllegalStateException("telegram-test-api is not installed: run " + dir.resolve("install-peer.sh")
                    + " (the telegram module's Maven build does)");
        }
        return new BotApiEmulator(new ProcessBuilder("node", "launcher.js").directory(dir.toFile()));
    }

    /** @return the base URL a Bot API client is given ({@code /bot<token>/<method>} follows) */
    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A user sends the bot a text message (the emulator's makeMessage + sendMessage). */
    void userSends(String token, long userId, String text) throws IOException, InterruptedException {
        command(Map.of("op", "message", "token", token, "userId", userId, "text", text));
    }

    /** A user sends a command (makeCommand: a bot_command entity). */
    void userCommand(String token, long userId, String text) throws IOException, InterruptedException {
        command(Map.of("op", "command", "token", token, "userId", userId, "text", text));
    }

    /** A user presses an inline button (makeCallbackQuery). */
    void userPresses(String token, long userId, String data) throws IOException, InterruptedException {
        command(Map.of("op", "callback", "token", token, "userId", userId, "data", data));
    }

    /** @return what the bot sent to the user's chat, as the emulator stored it */
    JsonNode botMessages(String token, long userId) throws IOException, InterruptedException {
        return command(Map.of("op", "botMessages", "token", token, "userId", userId)).path("result");
    }

    /** @return rejections the emulator did not handle itself (a refused webhook delivery) */
    List<String> unhandled() {
        return List.copyOf(unhandled);
    }

    private synchronized JsonNode command(Map<String, Object> c) throws IOException, InterruptedException {
        Map<String, Object> line = new LinkedHashMap<>(c);
        int id = ids.incrementAndGet();
        line.put("id", id);
        process.send(Json.write(line));
        JsonNode answer = next();
        if (!answer.path("t").asText().equals("done") || answer.path("id").asInt() != id) {
            throw new AssertionError("the emulator answered " + answer + " to " + line + "; stderr: " + process.stderr());
        }
        return answer;
    }

    private JsonNode next() throws InterruptedException {
        JsonNode n = lines.poll(ANSWER.toMillis(), TimeUnit.MILLISECONDS);
        if (n == null) {
            throw new AssertionError("launcher.js said nothing within " + ANSWER.toSeconds() + " s; stderr: " + process.stderr());
        }
        return n;
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
