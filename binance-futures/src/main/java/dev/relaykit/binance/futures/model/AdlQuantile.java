package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a contract's positions stand in the auto-deleveraging queue ({@code GET /fapi/v1/adlQuantile},
 * {@code /dapi/v1/adlQuantile}; Binance updates it every 30 s). Each value is 0 to 4, higher meaning more likely to
 * be deleveraged.
 *
 * <pre>{@code
 * for (AdlQuantile q : usdm.account().adlQuantiles(null)) {
 *     System.out.println(q.symbol() + " long " + q.quantiles().longSide() + " short " + q.quantiles().shortSide());
 * }
 * }</pre>
 *
 * @param symbol symbol
 * @param quantiles its positions' quantiles
 */
public record AdlQuantile(String symbol, @JsonProperty("adlQuantile") Quantiles quantiles) {

    /**
     * The quantiles per position side. In one-way mode, or isolated in hedge mode, Binance sends {@code LONG},
     * {@code SHORT} and {@code BOTH}; cross-margined in hedge mode it sends {@code HEDGE} instead of {@code BOTH},
     * as a sign only (its value means nothing), and the same value for {@code LONG} and {@code SHORT}.
     *
     * @param longSide the LONG position's quantile (hedge mode), or {@code null}
     * @param shortSide the SHORT position's quantile (hedge mode), or {@code null}
     * @param both the one-way position's quantile, or {@code null}
     * @param hedge present (any value) when the positions are cross-margined in hedge mode, else {@code null}
     */
    public record Quantiles(
            @JsonProperty("LONG") Integer longSide,
            @JsonProperty("SHORT") Integer shortSide,
            @JsonProperty("BOTH") Integer both,
            @JsonProperty("HEDGE") Integer hedge) {

        /** @return whether Binance flagged the positions as cross-margined in hedge mode ({@code HEDGE} present) */
        public boolean crossHedged() {
            return hedge != null;
        }
    }
}
