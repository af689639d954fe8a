package dev.relaykit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's first command runs this demo; it must keep working. */
class OfflineDemoTest {

    @Test
    void theDemoSignsARestCallSurvivesADroppedStreamAndLeavesNothingRunning() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OfflineDemo.Result r = OfflineDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(r.balance()).isEqualByComparingTo(new BigDecimal(OfflineDemo.BALANCE)).isLessThan(BigDecimal.TEN);
        assertThat(r.errorCode()).isEqualTo("-2013");
        assertThat(r.tradesBefore()).isGreaterThanOrEqualTo(10);
        assertThat(r.tradesAfter()).isGreaterThanOrEqualTo(10);
        assertThat(r.reconnects()).isEqualTo(1);
        assertThat(r.subscribeFrames()).isEqualTo(2);
        assertThat(r.bookUpdates()).isGreaterThan(20);
        assertThat(r.botReplies()).isEqualTo(2);
        assertThat(out).contains("forged signature: HTTP 401").contains("bot sent text: hello");
        assertThat(out).contains("cancelled: order").contains("BNBBTC book synced");
        assertThat(out).contains("signature=<64 hex chars>").contains("(subscriptions replayed)");
        // the demo prints the request URL: the secret must not be in it, nor anywhere in the output
        assertThat(out).doesNotContain("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j");
        assertThat(out).doesNotContain("4723846");
        // what confused newcomers: the planned drop looked like a failure, the fake was "custom", a record dump
        assertThat(out).contains("the simulated drop (expected): ").doesNotContain("TRANSPORT: ");
        assertThat(out).contains("connecting to Binance local fake at http://127.0.0.1:").doesNotContain("custom");
        assertThat(out).doesNotContain("WebhookError[").contains("webhook invalid signature: delivery refused");
        // section 3 keeps to one symbol: the order and the book are both BNBBTC
        String section3 = out.substring(out.indexOf("\n3. "), out.indexOf("\n4. "));
        assertThat(section3).contains("placed:    order 1001 BUY 1.00000000 BNBBTC @ 3.50000000 -> NEW")
                .contains("BNBBTC book synced").doesNotContain("BTCUSDT");
        // section 4: futures, through the algo-order service
        String section4 = out.substring(out.indexOf("\n4. "), out.indexOf("\n5. "));
        assertThat(section4).contains("mark price 11794.15", "order book synced", "through /fapi/v1/algoOrder",
                "cancelled: algo order " + r.futures().placed().algoId());
        // section 6: Pusher, presence members, an HTTP-API-triggered event, an encrypted event decrypted
        String section6 = out.substring(out.indexOf("\n6. "), out.indexOf("\n7. "));
        assertThat(section6).contains("member joined presence-lobby: bob", "event orders price ",
                "the client decrypted: {\"text\":\"only members can read this\"}");
        assertThat(r.pusher().members()).containsExactly("alice", "bob");
        // section 7: the Telegram echo bot by long polling and by webhook
        String section7 = out.substring(out.indexOf("\n7. "), out.indexOf("\n8. "));
        assertThat(section7).contains("bot sent: hello", "bot answered the callback query", "bot sent: hi by webhook",
                "a delivery with a wrong secret token: HTTP 401");
        assertThat(r.telegram().polled()).hasSize(4);
        assertThat(r.telegram().pushed()).containsExactly("hi by webhook", "second");
        // section 8: the real TDLib, installed from npm as the telegram build does; Linux x64 only (the prebuilt
        // library's platform): elsewhere the section is one line saying why, and the demo goes on
        String section8 = out.substring(out.indexOf("\n8. "), out.indexOf("Done:"));
        if (!linuxX64()) {
            assertThat(r.tdlib()).isNull();
            assertThat(section8).contains("skipped: no libtdjson here: ").contains("Linux x64 only");
        } else {
            assertThat(r.tdlib()).as("on Linux x64 the demo has the real libtdjson: " + section8).isNotNull();
            assertThat(r.tdlib().version()).isEqualTo("1.8.67");
            assertThat(r.tdlib().parsed().text()).isEqualTo("Build 42 passed in 3 min, see the log");
            assertThat(r.tdlib().states()).containsExactly("WaitTdlibParameters", "WaitPhoneNumber", "Closing", "Closed");
            assertThat(section8).contains(": TDLib 1.8.67 (td_execute getOption \"version\")",
                    "with Bold \"Build 42\" [0+8], Italic \"3 min\" [19+5], TextUrl \"the log\" [30+7] -> https://ci.example.com/42",
                    "authorization: WaitPhoneNumber (the first question for the user", "authorization: Closed");
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive()
                && t.getName().startsWith("relaykit-demo-stream"));
    }

    private static boolean linuxX64() {
        String arch = System.getProperty("os.arch", "");
        return System.getProperty("os.name", "").startsWith("Linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }
}
