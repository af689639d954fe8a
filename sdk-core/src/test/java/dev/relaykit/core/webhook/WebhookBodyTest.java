package dev.relaykit.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WebhookBodyTest {

    @Test
    void aBodyUpToTheLimitIsReadWhole() throws Exception {
        assertThat(WebhookBody.read(new ByteArrayInputStream(new byte[10]), 10, 10)).hasSize(10);
        assertThat(WebhookBody.read(new ByteArrayInputStream(new byte[10]), -1, 10)).hasSize(10); // chunked
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAnythingIsRead() {
        AtomicInteger reads = new AtomicInteger();
        InputStream counting = new InputStream() {
            @Override
            public int read() {
                reads.incrementAndGet();
                return 0;
            }
        };
        assertThatThrownBy(() -> WebhookBody.read(counting, 11, 10))
                .isInstanceOfSatisfying(WebhookBody.Refused.class, r -> {
                    assertThat(r.tooLarge()).isTrue();
                    assertThat(r.response().status()).isEqualTo(413);
                })
                .hasMessage("Content-Length 11 exceeds the limit of 10 bytes");
        assertThat(reads).hasValue(0);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedAfterOneByteMore() {
        assertThatThrownBy(() -> WebhookBody.read(new ByteArrayInputStream(new byte[1000]), -1, 10))
                .isInstanceOfSatisfying(WebhookBody.Refused.class, r -> assertThat(r.response().status()).isEqualTo(413))
                .hasMessage("the body exceeds the limit of 10 bytes");
    }

    @Test
    void anUnreadableBodyIs400AndAnImpossibleLimitIsRefused() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> WebhookBody.read(broken, -1, 10))
                .isInstanceOfSatisfying(WebhookBody.Refused.class, r -> {
                    assertThat(r.tooLarge()).isFalse();
                    assertThat(r.response().status()).isEqualTo(400);
                })
                .hasMessageContaining("connection reset");
        assertThatThrownBy(() -> WebhookBody.read(new ByteArrayInputStream(new byte[0]), -1, Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBytes");
    }
}
