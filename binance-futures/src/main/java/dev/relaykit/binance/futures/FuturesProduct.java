package dev.relaykit.binance.futures;

/**
 * Which of Binance's futures products a client talks to: USDⓈ-M ({@code /fapi}, margined in USDT or USDC)
 * or COIN-M ({@code /dapi}, margined in the base coin).
 *
 * <pre>{@code
 * FuturesProduct p = FuturesEnvironment.USDM_PRODUCTION.product();   // USD_M
 * String path = p.restPrefix() + "/v1/premiumIndex";                // "/fapi/v1/premiumIndex"
 * }</pre>
 */
public enum FuturesProduct {
    /** USDⓈ-M futures: REST under {@code /fapi}. */
    USD_M("/fapi"),
    /** COIN-M futures: REST under {@code /dapi}. */
    COIN_M("/dapi");

    private final String restPrefix;

    FuturesProduct(String restPrefix) {
        this.restPrefix = restPrefix;
    }

    /** @return the REST path prefix, {@code /fapi} or {@code /dapi} */
    public String restPrefix() {
        return restPrefix;
    }
}
