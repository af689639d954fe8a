package dev.relaykit.binance.model;

import java.math.BigDecimal;

/**
 * A pair Binance Convert can convert, with its amount limits ({@code GET /sapi/v1/convert/exchangeInfo}).
 * A maximum of {@code 9E+24} means "practically unlimited".
 *
 * @param fromAsset the asset spent
 * @param toAsset the asset received
 * @param fromAssetMinAmount the smallest amount of {@code fromAsset}
 * @param fromAssetMaxAmount the largest amount of {@code fromAsset}
 * @param toAssetMinAmount the smallest amount of {@code toAsset}
 * @param toAssetMaxAmount the largest amount of {@code toAsset}
 * @param fromIsBase whether {@code fromAsset} is the base asset for limit orders; {@code null} if not sent
 */
public record ConvertPair(String fromAsset, String toAsset, BigDecimal fromAssetMinAmount, BigDecimal fromAssetMaxAmount,
        BigDecimal toAssetMinAmount, BigDecimal toAssetMaxAmount, Boolean fromIsBase) {
}
