package dev.relaykit.samples.javadoc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relaykit.samples.javadoc.JavadocSnippets.Compiled;
import dev.relaykit.samples.javadoc.JavadocSnippets.Snippet;
import dev.relaykit.testkit.ScriptedWsServer;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs javadoc examples as written, offline: the testkit's own examples (each starts the fake it shows and
 * asserts what it shows), and {@code WsSession}'s class example against a {@link ScriptedWsServer} with only its
 * URL pointed at that server. (The Socket.IO client's class example runs against a real socket.io 4.x server in
 * the socketio module's {@code SocketIoClientJavadocExampleTest}.)
 */
class JavadocExamplesRunTest {

    /** The example of a source file, compiled as {@link JavadocSnippets} does, with text replaced first. */
    private static SnippetGivens compiled(String source, int ordinal, Map<String, String> replace) throws Exception {
        Snippet s = JavadocSnippets.in(JavadocSnippets.ROOT.resolve(source)).get(ordinal);
        String code = s.code();
        for (Map.Entry<String, String> r : replace.entrySet()) {
            assertThat(code).as("the example of " + source).contains(r.getKey());
            code = code.replace(r.getKey(), r.getValue());
        }
        String name = Path.of(source).getFileName().toString().replace(".java", "") + "_run";
        Compiled c = JavadocSnippets.compile(Map.of(name, new Snippet(s.file(), s.line(), s.kind(), code)));
        assertThat(c.failures()).isEmpty();
        return (SnippetGivens) c.load(name).getConstructor().newInstance();
    }

    private static void run(SnippetGivens example) throws Throwable {
        try {
            example.getClass().getMethod("example").invoke(example);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ScriptedWsServer", "HttpProxyServer", "Socks5ProxyServer", "RestFake", "FakeBinance",
            "FakeBinanceStreams", "FakeBinanceWsApi", "FakeBinanceFutures", "FakeGraphApi", "pusher/PusherServer"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theTestkitExamplesRunAsWritten(String fake) throws Throwable {
        run(compiled("testkit/src/main/java/dev/relaykit/testkit/" + fake + ".java", 0, Map.of()));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theWsSessionExampleRunsAsWrittenAgainstAScriptedServer() throws Throwable {
        try (ScriptedWsServer server = ScriptedWsServer.start()) {
            server.onText((client, text) -> client.send("{\"ch\":\"trades\",\"echo\":" + text + "}"));
            Map<String, String> url = new LinkedHashMap<>();
            url.put("\"wss://stream.example.com/ws\"", "\"" + server.uri() + "\"");
            SnippetGivens example = compiled("sdk-core/src/main/java/dev/relaykit/core/ws/WsSession.java", 0, url);
            example.apiKey = "test-key";

            run(example);

            // the subscription went out on open, then the example's own message, with its header on the handshake
            assertThat(server.awaitMessages(2, Duration.ofSeconds(5)))
                    .containsExactly("{\"op\":\"sub\",\"ch\":\"trades\"}", "{\"op\":\"ping\"}");
            assertThat(server.handshakes()).singleElement()
                    .satisfies(h -> assertThat(h.headers()).containsEntry("x-api-key", "test-key"));
        }
    }

    @Test
    void theExamplesThatNeedNothingRunAsWritten() throws Throwable {
        for (String source : List.of("sdk-core/src/main/java/dev/relaykit/core/json/Json.java",
                "sdk-core/src/main/java/dev/relaykit/core/secret/Redactor.java",
                "sdk-core/src/main/java/dev/relaykit/core/ws/ReconnectPolicy.java",
                "binance/src/main/java/dev/relaykit/binance/BinanceEnvironment.java",
                "binance/src/main/java/dev/relaykit/binance/NewOrder.java",
                "binance/src/main/java/dev/relaykit/binance/NewOrderList.java",
                "binance/src/main/java/dev/relaykit/binance/OrderLeg.java",
                "binance/src/main/java/dev/relaykit/binance/CancelReplace.java",
                "binance/src/main/java/dev/relaykit/binance/ConvertLimitOrder.java",
                "binance/src/main/java/dev/relaykit/binance/ConvertQuoteRequest.java",
                "binance/src/main/java/dev/relaykit/binance/stream/MarketStream.java",
                "binance/src/main/java/dev/relaykit/binance/userdata/UserDataEvents.java",
                "whatsapp/src/main/java/dev/relaykit/whatsapp/ContactCard.java")) {
            run(compiled(source, 0, Map.of()));
        }
    }
}
