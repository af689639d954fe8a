package dev.relaykit.binance.futures.model;

import java.math.BigDecimal;

/**
 * An asset of USD-M exchange information ({@code assets[]}): whether it can serve as margin (multi-assets mode).
 *
 * @param asset the asset
 * @param marginAvailable whether it can be margin in multi-assets mode
 * @param autoAssetExchange the auto-exchange threshold in multi-assets mode
 */
public record FuturesAsset(
        String asset,
        Boolean marginAvailable,
        BigDecimal autoAssetExchange) {
}
