package dev.relaykit.binance;

/** Placeholder. */
public final class Convert {
    private final Remote remote;

    Convert(BinanceSpot spot) {
        this.remote = new Remote(spot);
    }
}
