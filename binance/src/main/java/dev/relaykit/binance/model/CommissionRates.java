package dev.relaykit.binance.model;

import java.math.BigDecimal;

/**
 * Commission rates as fractions ({@code 0.001} is 0.1%). Binance sends maker and taker everywhere,
 * buyer and seller in account-wide rates; absent ones are {@code null}.
 *
 * @param maker the maker rate
 * @param taker the taker rate
 * @param buyer the rate charged to the buyer
 * @param seller the rate charged to the seller
 */
public record CommissionRates(BigDecimal maker, BigDecimal taker, BigDecimal buyer, BigDecimal seller) {
}
