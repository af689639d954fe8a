package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.math.BigDecimal;
import java.util.List;

/**
 * A contract's (or, COIN-M's older form, a pair's) notional and leverage brackets: USD-M
 * {@code GET /fapi/v1/leverageBracket}, COIN-M {@code GET /dapi/v2/leverageBracket} (per symbol) and
 * {@code GET /dapi/v1/leverageBracket} (per pair). USD-M brackets are bounded by notional, COIN-M's by quantity of
 * the base asset.
 *
 * @param symbol symbol, or {@code null} for COIN-M's per-pair form
 * @param pair pair (COIN-M's per-pair form), else {@code null}
 * @param notionalCoef the user's bracket multiplier, if it is not 1
 * @param brackets the brackets, lowest first
 */
public record LeverageBracket(
        String symbol,
        String pair,
        BigDecimal notionalCoef,
        List<Bracket> brackets) {

    /**
     * One bracket.
     *
     * @param bracket bracket number
     * @param initialLeverage the highest leverage in this bracket
     * @param notionalCap the bracket's notional ceiling (USD-M), else {@code null}
     * @param notionalFloor the bracket's notional floor (USD-M), else {@code null}
     * @param qtyCap the bracket's base-asset quantity ceiling (COIN-M), else {@code null}
     * @param qtyFloor the bracket's base-asset quantity floor (COIN-M; the pages spell it {@code qtylFloor}), else
     *     {@code null}
     * @param maintMarginRatio the maintenance margin ratio
     * @param cum the maintenance amount's auxiliary number
     */
    public record Bracket(int bracket, int initialLeverage, BigDecimal notionalCap, BigDecimal notionalFloor,
                          BigDecimal qtyCap, @JsonAlias("qtylFloor") BigDecimal qtyFloor,
                          BigDecimal maintMarginRatio, BigDecimal cum) {
    }
}
