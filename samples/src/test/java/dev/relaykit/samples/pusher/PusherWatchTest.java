package dev.relaykit.samples.pusher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PusherWatchTest {

    @Test
    void runsOfflinePrintingEventsMembersAndTheDecryptedEvent() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PusherWatch.Report r = PusherWatch.runOffline("orders", "presence-lobby",
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(r.members()).containsExactly("alice", "bob");
        assertThat(r.events()).hasSize(3).anySatisfy(e -> assertThat(e).startsWith("orders price ").contains("64250.5"))
                .anySatisfy(e -> assertThat(e).startsWith("presence-lobby announcement ").contains("standup"));
        assertThat(r.decrypted()).contains("only members can read this");
        assertThat(out).contains("members of presence-lobby: [alice], me=alice",
                "member joined presence-lobby: bob", "event orders price ", "event presence-lobby announcement ",
                "the client decrypted: {\"text\":\"only members can read this\"}");
        assertThat(out).doesNotContain("offline-sample-secret");
    }

    @Test
    void liveSettingsNameTheMissingVariable() {
        assertThat(PusherWatch.Live.from(Map.of())).isNull(); // no key: offline
        assertThatThrownBy(() -> PusherWatch.Live.from(Map.of("PUSHER_APP_KEY", "k")))
                .hasMessageContaining("set PUSHER_CLUSTER");
        assertThatThrownBy(() -> PusherWatch.Live.from(Map.of("PUSHER_APP_KEY", "k", "PUSHER_CLUSTER", "eu")))
                .hasMessageContaining("PUSHER_AUTH_URL").hasMessageContaining("PUSHER_APP_SECRET");
        PusherWatch.Live signing = PusherWatch.Live.from(Map.of("PUSHER_APP_KEY", "k", "PUSHER_CLUSTER", "eu",
                "PUSHER_APP_SECRET", "s3cr3t-value"));
        assertThat(signing.toString()).contains("signing here").doesNotContain("s3cr3t-value");
        assertThat(PusherWatch.Live.from(Map.of("PUSHER_APP_KEY", "k", "PUSHER_CLUSTER", "eu",
                "PUSHER_AUTH_URL", "https://app.example.com/pusher/auth")).authUrl())
                .isEqualTo("https://app.example.com/pusher/auth");
    }
}
