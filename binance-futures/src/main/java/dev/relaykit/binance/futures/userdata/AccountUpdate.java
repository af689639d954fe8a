package dev.relaykit.binance.futures.userdata;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code ACCOUNT_UPDATE}: balances and positions changed ("Event: Balance and Position Update").
 *
 * <pre>{@code
 * if (event instanceof AccountUpdate a) {
 *     a.update().positions().forEach(p -> System.out.println(p.symbol() + " " + p.positionAmount()));
 * }
 * }</pre>
 *
 * @param eventTime {@code E}
 * @param transactionTime {@code T}
 * @param accountAlias {@code i} (COIN-M), else {@code null}
 * @param update {@code a}
 */
public record AccountUpdate(
        @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
        @JsonProperty("T") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant transactionTime,
        @JsonProperty("i") String accountAlias,
        @JsonProperty("a") Update update) implements FuturesUserDataEvent {

    @Override
    public String eventType() {
        return "ACCOUNT_UPDATE";
    }

    /**
     * What changed.
     *
     * @param reason {@code m}: ORDER, FUNDING_FEE, DEPOSIT, ...
     * @param balances {@code B}
     * @param positions {@code P}
     */
    public record Update(
            @JsonProperty("m") String reason,
            @JsonProperty("B") List<Balance> balances,
            @JsonProperty("P") List<Position> positions) {
        /**
         * Missing lists become empty.
         *
         * @param reason m
         * @param balances B
         * @param positions P
         */
        public Update {
            balances = balances == null ? List.of() : balances;
            positions = positions == null ? List.of() : positions;
        }
    }

    /**
     * One asset's balance.
     *
     * @param asset {@code a}
     * @param walletBalance {@code wb}
     * @param crossWalletBalance {@code cw}
     * @param balanceChange {@code bc}: change except PnL and commission
     */
    public record Balance(
            @JsonProperty("a") String asset,
            @JsonProperty("wb") BigDecimal walletBalance,
            @JsonProperty("cw") BigDecimal crossWalletBalance,
            @JsonProperty("bc") BigDecimal balanceChange) {
    }

    /**
     * One position.
     *
     * @param symbol {@code s}
     * @param positionAmount {@code pa}
     * @param entryPrice {@code ep}
     * @param breakEvenPrice {@code bep}
     * @param accumulatedRealized {@code cr}, before fees
     * @param unrealizedPnl {@code up}
     * @param marginType {@code mt}: isolated or cross
     * @param isolatedWallet {@code iw}
     * @param positionSide {@code ps}: BOTH, LONG or SHORT
     * @param marginAsset {@code ma} (USD-M), else {@code null}
     */
    public record Position(
            @JsonProperty("s") String symbol,
            @JsonProperty("pa") BigDecimal positionAmount,
            @JsonProperty("ep") BigDecimal entryPrice,
            @JsonProperty("bep") BigDecimal breakEvenPrice,
            @JsonProperty("cr") BigDecimal accumulatedRealized,
            @JsonProperty("up") BigDecimal unrealizedPnl,
            @JsonProperty("mt") String marginType,
            @JsonProperty("iw") BigDecimal isolatedWallet,
            @JsonProperty("ps") String positionSide,
            @JsonProperty("ma") String marginAsset) {
    }
}
