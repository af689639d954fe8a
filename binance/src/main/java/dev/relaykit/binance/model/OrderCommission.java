package dev.relaykit.binance.model;

/**
 * The commission rates a test order would pay ({@code POST /api/v3/order/test} with
 * {@code computeCommissionRates=true}). Without that option Binance answers {@code {}} and every
 * field is {@code null}.
 *
 * @param standardCommissionForOrder standard rates on the order's trades
 * @param specialCommissionForOrder special rates on the order's trades
 * @param taxCommissionForOrder tax rates on the order's trades
 * @param discount the BNB discount
 */
public record OrderCommission(CommissionRates standardCommissionForOrder, CommissionRates specialCommissionForOrder,
        CommissionRates taxCommissionForOrder, CommissionDiscount discount) {
}
