package dev.relaykit.binance.model;

import java.math.BigDecimal;

/**
 * The discount on standard commissions when paying them in BNB.
 *
 * @param enabledForAccount whether the account pays commissions in BNB
 * @param enabledForSymbol whether the symbol allows it
 * @param discountAsset the asset ({@code BNB})
 * @param discount the fraction the standard commission is reduced by
 */
public record CommissionDiscount(Boolean enabledForAccount, Boolean enabledForSymbol, String discountAsset,
        BigDecimal discount) {
}
