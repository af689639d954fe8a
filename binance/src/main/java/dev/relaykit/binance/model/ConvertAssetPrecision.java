package dev.relaykit.binance.model;

/**
 * How many decimal places Convert accepts for an asset's amounts ({@code GET /sapi/v1/convert/assetInfo}).
 *
 * @param asset the asset
 * @param fraction the number of decimal places
 */
public record ConvertAssetPrecision(String asset, int fraction) {
}
