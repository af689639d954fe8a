package dev.relaykit.binance.futures.userdata;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * {@code ACCOUNT_CONFIG_UPDATE}: a symbol's leverage changed ({@code ac}) or the multi-assets mode
 * changed ({@code ai}) ("Event: Account Configuration Update previous Leverage Update"). One of the
 * two is set, the other {@code null}.
 *
 * <pre>{@code
 * if (event instanceof AccountConfigUpdate c && c.leverage() != null) System.out.println(c.leverage().leverage());
 * }</pre>
 *
 * @param eventTime {@code E}
 * @param transactionTime {@code T}
 * @param leverage {@code ac}
 * @param multiAssets {@code ai}
 */
public record AccountConfigUpdate(
        @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
        @JsonProperty("T") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant transactionTime,
        @JsonProperty("ac") Leverage leverage,
        @JsonProperty("ai") MultiAssets multiAssets) implements FuturesUserDataEvent {

    @Override
    public String eventType() {
        return "ACCOUNT_CONFIG_UPDATE";
    }

    /**
     * @param symbol {@code s}
     * @param leverage {@code l}
     */
    public record Leverage(@JsonProperty("s") String symbol, @JsonProperty("l") int leverage) {
    }

    /** @param multiAssetsMode {@code j} */
    public record MultiAssets(@JsonProperty("j") boolean multiAssetsMode) {
    }
}
