package dev.relaykit.binance.futures.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A symbol's notional and leverage brackets ({@code GET /fapi/v1/leverageBracket}).
 *
 * @param symbol symbol
 * @param notionalCoef the user's bracket multiplier, if it is not 1
 * @param brackets the brackets, lowest notional first
 */
public record LeverageBracket(
        String symbol,
        BigDecimal notionalCoef,
        List<Bracket> brackets) {

    /**
     * One bracket.
     *
     * @param bracket bracket number
     * @param initialLeverage the highest leverage in this bracket
     * @param notionalCap the bracket's notional ceiling
     * @param notionalFloor the bracket's notional floor
     * @param maintMarginRatio the maintenance margin ratio
     * @param cum the maintenance amount's auxiliary number
     */
    public record Bracket(int bracket, int initialLeverage, BigDecimal notionalCap, BigDecimal notionalFloor,
                          BigDecimal maintMarginRatio, BigDecimal cum) {
    }
}
