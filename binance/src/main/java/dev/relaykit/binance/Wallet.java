package dev.relaykit.binance;

/** Placeholder. */
public final class Wallet {
    private final Remote remote;

    Wallet(BinanceSpot spot) {
        this.remote = new Remote(spot);
    }
}
