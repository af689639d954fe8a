package dev.relaykit.binance.futures.userdata;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code MARGIN_CALL}: positions at risk ("Event: Margin Call"); sent at most once a minute.
 *
 * <pre>{@code
 * if (event instanceof MarginCall m) m.positions().forEach(p -> System.out.println(p.symbol() + " " + p.maintenanceMargin()));
 * }</pre>
 *
 * @param eventTime {@code E}
 * @param crossWalletBalance {@code cw}, for cross positions only
 * @param positions {@code p}
 */
public record MarginCall(
        @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
        @JsonProperty("cw") BigDecimal crossWalletBalance,
        @JsonProperty("p") List<Position> positions) implements FuturesUserDataEvent {

    /**
     * Missing list becomes empty.
     *
     * @param eventTime E
     * @param crossWalletBalance cw
     * @param positions p
     */
    public MarginCall {
        positions = positions == null ? List.of() : positions;
    }

    @Override
    public String eventType() {
        return "MARGIN_CALL";
    }

    /**
     * @param symbol {@code s}
     * @param positionSide {@code ps}
     * @param positionAmount {@code pa}
     * @param marginType {@code mt}
     * @param isolatedWallet {@code iw}
     * @param markPrice {@code mp}
     * @param unrealizedPnl {@code up}
     * @param maintenanceMargin {@code mm} required
     */
    public record Position(
            @JsonProperty("s") String symbol,
            @JsonProperty("ps") String positionSide,
            @JsonProperty("pa") BigDecimal positionAmount,
            @JsonProperty("mt") String marginType,
            @JsonProperty("iw") BigDecimal isolatedWallet,
            @JsonProperty("mp") BigDecimal markPrice,
            @JsonProperty("up") BigDecimal unrealizedPnl,
            @JsonProperty("mm") BigDecimal maintenanceMargin) {
    }
}
