package dev.relaykit.core.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RestRequestTest {
    enum Side { BUY }

    @Test
    void keepsParameterOrderAndEncodesPerRfc3986() {
        RestRequest r = RestRequest.get("/api/v3/klines")
                .param("symbol", "BTCUSDT").param("interval", "1m")
                .param("note", "a b&c=d/é~*")
                .param("qty", new BigDecimal("1E-8"))
                .param("side", Side.BUY)
                .param("optional", null)
                .build();
        assertThat(r.queryString())
                .isEqualTo("symbol=BTCUSDT&interval=1m&note=a%20b%26c%3Dd%2F%C3%A9~%2A&qty=0.00000001&side=BUY");
        assertThat(r.queryParams()).extracting(RestRequest.Param::name)
                .containsExactly("symbol", "interval", "note", "qty", "side");
    }

    @Test
    void idempotencyFollowsMethodUnlessSaid() {
        assertThat(RestRequest.get("/a").build().idempotent()).isTrue();
        assertThat(RestRequest.delete("/a").build().idempotent()).isTrue();
        assertThat(RestRequest.post("/a").build().idempotent()).isFalse();
        assertThat(RestRequest.post("/a").idempotent(true).build().idempotent()).isTrue();
        assertThat(RestRequest.builder("patch", "/a").build().idempotent()).isFalse();
    }

    @Test
    void bodies() {
        RestRequest form = RestRequest.post("/f").formParam("a", 1).formParam("b", "x y").build();
        assertThat(form.bodyString()).isEqualTo("a=1&b=x%20y");
        assertThat(form.hasFormBody()).isTrue();
        RestRequest json = RestRequest.post("/j").jsonBody(Map.of("price", new BigDecimal("0.10"))).build();
        assertThat(json.bodyString()).isEqualTo("{\"price\":0.10}");
        assertThat(RestRequest.post("/n").build().bodyString()).isEmpty();
        assertThatThrownBy(() -> RestRequest.post("/x").formParam("a", 1).jsonBody(Map.of()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RestRequest.get("/x").formParam("a", 1).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RestRequest.get("x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RestRequest.get("/x?a=1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withersCopy() {
        RestRequest base = RestRequest.get("/a").param("x", 1).weight(5).signed().build();
        RestRequest more = base.withQueryParam("ts", Instant.EPOCH.toEpochMilli()).withHeader("H", "v");
        assertThat(base.queryString()).isEqualTo("x=1");
        assertThat(more.queryString()).isEqualTo("x=1&ts=0");
        assertThat(more.headers()).containsEntry("H", "v");
        assertThat(more.weight()).isEqualTo(5);
        assertThat(more.security()).isEqualTo(RestRequest.Security.SIGNED);
    }

    @Test
    void toStringHidesSecrets() {
        RestRequest r = RestRequest.get("/api/v3/account").param("timestamp", 1)
                .param("signature", "c8db56825ae71d6d").header("X-MBX-APIKEY", "vmPUZE6mv9SD").build();
        assertThat(r.toString()).contains("timestamp=1").contains("signature=***")
                .doesNotContain("c8db56825ae71d6d").doesNotContain("vmPUZE6mv9SD");
        assertThat(r.queryParams().get(1).toString()).isEqualTo("signature=***");
    }

    @Test
    void retryAfterParsesSecondsAndHttpDates() {
        java.time.Clock fixed = java.time.Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        assertThat(RetryAfter.parse("120", fixed)).isEqualTo(Instant.parse("2024-01-01T00:02:00Z"));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", fixed)).isEqualTo(Instant.parse("2015-10-21T07:28:00Z"));
        assertThat(RetryAfter.parse("soon", fixed)).isNull();
        assertThat(RetryAfter.parse(null, fixed)).isNull();
    }
}
