package dev.relaykit.binance.model;

/**
 * The account's commission rates on one symbol ({@code GET /api/v3/account/commission}).
 *
 * @param symbol the symbol
 * @param standardCommission the standard rates
 * @param specialCommission special rates, on top of the standard ones
 * @param taxCommission tax rates
 * @param discount the BNB discount
 */
public record AccountCommission(String symbol, CommissionRates standardCommission, CommissionRates specialCommission,
        CommissionRates taxCommission, CommissionDiscount discount) {
}
