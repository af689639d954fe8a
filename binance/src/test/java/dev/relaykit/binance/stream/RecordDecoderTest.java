package dev.relaykit.binance.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import dev.relaykit.binance.model.PriceLevel;
import dev.relaykit.core.DecodeException;
import dev.relaykit.core.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The single-pass decoder {@link MarketStream#typed} derives from a flat record gives exactly what
 * the general (Jackson) path gives, and hands everything it is not sure of back to that path.
 */
class RecordDecoderTest {

    /** Every kind the decoder reads, named as Binance names them. */
    record Flat(
            @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
            @JsonProperty("s") String symbol,
            @JsonProperty("p") BigDecimal price,
            @JsonProperty("u") long updateId,
            @JsonProperty("n") Integer count,
            @JsonProperty("m") boolean maker,
            @JsonProperty("b") List<PriceLevel> bids) {
    }

    /** A record with a nested object: not flat, no decoder. */
    record Nested(@JsonProperty("E") long eventTime, @JsonProperty("k") Flat inner) {
    }

    /** Its constructor refuses a missing symbol. */
    record Strict(@JsonProperty("E") long eventTime, @JsonProperty("s") String symbol) {
        Strict {
            Objects.requireNonNull(symbol, "symbol");
        }
    }

    private static <T> T general(String json, Class<T> type) throws IOException {
        return Json.mapper().readValue(json, type);
    }

    private static <T> T fast(String json, Class<T> type, String orderField) throws IOException {
        RecordDecoder.Decoded<T> d = RecordDecoder.of(type, orderField);
        try (JsonParser p = Json.mapper().getFactory().createParser(json)) {
            p.nextToken();
            return d.decoder().decode(p);
        }
    }

    @Test
    void aFlatRecordDecodesInOnePassToWhatJacksonGives() throws Exception {
        String json = "{\"e\":\"x\",\"E\":1700000000123,\"s\":\"BTCUSDT\",\"p\":\"97000.10000000\",\"u\":42,\"n\":7,"
                + "\"m\":true,\"b\":[[\"1.5\",\"0.00\"],[\"2\",\"3\"]],\"new\":{\"a\":[1,{\"b\":2}]},\"zz\":[1,2]}";
        Flat fast = fast(json, Flat.class, "u");
        assertThat(fast).isEqualTo(general(json, Flat.class));
        assertThat(fast.eventTime()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        assertThat(fast.price()).isEqualTo(new BigDecimal("97000.10000000")); // scale kept, as Jackson keeps it
        assertThat(RecordDecoder.of(Flat.class, "u").order().applyAsLong(fast)).isEqualTo(42);
        assertThat(RecordDecoder.of(Flat.class, "E").order().applyAsLong(fast)).isEqualTo(1_700_000_000_123L);

        String sparse = "{\"u\":1,\"m\":false,\"E\":5,\"p\":12.25,\"s\":null,\"b\":[]}"; // a number decimal, absent n
        assertThat(fast(sparse, Flat.class, "u")).isEqualTo(general(sparse, Flat.class));
    }

    @Test
    void aStreamWhoseCopiesAreToldByContentDecodesInOnePassWithNoOrderKey() throws Exception {
        // typed(name, type) streams (event times, several symbols) dedupe by content: no field is required
        String noSequence = "{\"m\":false,\"E\":5,\"p\":\"12.25\",\"s\":\"ETHUSDT\",\"u\":3,\"n\":1,\"b\":[]}";
        Flat fast = fast(noSequence, Flat.class, null);
        assertThat(fast).isEqualTo(general(noSequence, Flat.class));
        assertThat(RecordDecoder.of(Flat.class, null).order().applyAsLong(fast)).isEqualTo(Long.MIN_VALUE);
        assertThat(MarketStream.typed("ethusdt@markPrice", Flat.class).hasFastDecoder()).isTrue();
        assertThat(MarketStream.typed("ethusdt@markPrice", Flat.class).sequenced()).isFalse();
    }

    @Test
    void whatItIsNotSureOfGoesBackToTheGeneralPath() throws Exception {
        String[] unsure = {
            "{\"E\":1,\"s\":\"A\",\"p\":\"\",\"u\":1,\"m\":true}",          // empty decimal (COIN-M delivery funding)
            "{\"E\":1,\"s\":\"A\",\"p\":\"1\",\"u\":\"1\",\"m\":true}",     // a number sent as a string
            "{\"E\":1,\"s\":\"A\",\"p\":\"1\",\"u\":null,\"m\":true}",      // a null primitive
            "{\"E\":1,\"s\":\"A\",\"p\":\"1\",\"u\":1}",                    // a missing primitive
            "{\"E\":1,\"s\":\"A\",\"p\":\"1\",\"m\":true}",                 // no order field
            "{\"E\":1,\"s\":\"A\",\"p\":\"1\",\"u\":1,\"m\":true,\"n\":3000000000}", // int overflow
            "{\"E\":1,\"s\":1,\"p\":\"1\",\"u\":1,\"m\":true}",             // a number where a string goes
        };
        for (String json : unsure) {
            assertThatThrownBy(() -> fast(json, Flat.class, "u")).as(json).isInstanceOf(IOException.class);
        }
        assertThatThrownBy(() -> fast("{\"E\":1}", Strict.class, "E")).isInstanceOf(IOException.class);

        // and through the stream, the general path then decodes it as before (or says why not)
        MarketStream<Flat> stream = MarketStream.typed("btcusdt@flat", Flat.class, "u");
        assertThat(stream.hasFastDecoder()).isTrue();
        String quoted = unsure[1];
        assertThat(stream.decode(quoted)).isEqualTo(general(quoted, Flat.class));
        assertThat(stream.decodeCombined("{\"stream\":\"btcusdt@flat\",\"data\":" + quoted + "}"))
                .isEqualTo(general(quoted, Flat.class));
        assertThatThrownBy(() -> MarketStream.typed("btcusdt@strict", Strict.class, "E").decode("{\"E\":1}"))
                .isInstanceOf(DecodeException.class);
    }

    @Test
    void recordsItCannotReadExactlyKeepTheGeneralPath() {
        assertThat(RecordDecoder.of(Nested.class, "E")).isNull();
        assertThat(RecordDecoder.of(Flat.class, "s")).isNull();      // a string cannot order events
        assertThat(RecordDecoder.of(Flat.class, "zz")).isNull();     // no such field
        assertThat(MarketStream.typed("btcusdt@nested", Nested.class, "E").hasFastDecoder()).isFalse();
        assertThat(MarketStream.typed("btcusdt@x", com.fasterxml.jackson.databind.JsonNode.class, "E").hasFastDecoder())
                .isFalse();
    }
}
