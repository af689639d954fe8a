package dev.relaykit.binance.model;

/**
 * Where to deposit a coin ({@code GET /sapi/v1/capital/deposit/address}).
 *
 * @param address the address
 * @param coin the coin
 * @param tag the memo or tag some networks need (empty when none)
 * @param url a block explorer link
 */
public record DepositAddress(String address, String coin, String tag, String url) {
}
