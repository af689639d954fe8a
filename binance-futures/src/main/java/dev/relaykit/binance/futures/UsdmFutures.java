package dev.relaykit.binance.futures;

/**
 * The Binance USDⓈ-M futures client ({@code /fapi}): market data, trading, the algo-order service for conditional
 * orders, account and positions; sync and async; raw calls.
 *
 * <pre>{@code
 * try (UsdmFutures usdm = UsdmFutures.builder()
 *         .environment(FuturesEnvironment.USDM_TESTNET)
 *         .key(BinanceKey.hmac(apiKey, secretKey))
 *         .build()) {
 *     usdm.syncTime();
 *     MarkPrice mark = usdm.market().markPrice("BTCUSDT");
 *     usdm.account().changeLeverage("BTCUSDT", 5);
 *     PlacedOrder entry = usdm.trading().newOrder(NewFuturesOrder.limit("BTCUSDT", OrderSide.BUY,
 *             new BigDecimal("0.01"), new BigDecimal("60000")));
 *     AlgoOrder stop = usdm.algo().newOrder(NewFuturesOrder.stopMarket("BTCUSDT", OrderSide.SELL,
 *             new BigDecimal("0.01"), new BigDecimal("58000")));
 * }
 * }</pre>
 *
 * <p>Budgets default to USD-M's documented limits: 2400 request weight per minute ({@code X-MBX-USED-WEIGHT-1M}),
 * 1200 orders per minute ({@code X-MBX-ORDER-COUNT-1M}) and 300 per 10 seconds ({@code X-MBX-ORDER-COUNT-10S}).
 * Thread-safe; {@link #close()} releases what it holds.
 */
public final class UsdmFutures extends FuturesClient {
    private final AlgoOrders algo;

    private UsdmFutures(Builder b) {
        super(b, FuturesProduct.USD_M);
        this.algo = new AlgoOrders(new Endpoints(context(), FuturesProduct.USD_M, rules()), trading());
    }

    /** @return a builder: {@link FuturesEnvironment#USDM_PRODUCTION}, no key, recvWindow 5000 ms */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return the algo-order service: conditional orders (stop, take-profit, trailing) placed, queried and
     *     cancelled where Binance keeps them since 2025-12-09
     */
    public AlgoOrders algo() {
        return algo;
    }

    /** Configures a {@link UsdmFutures}. */
    public static final class Builder extends FuturesClient.Builder<Builder, UsdmFutures> {
        private Builder() {
            super(FuturesEnvironment.USDM_PRODUCTION, 300);
        }

        @Override
        public UsdmFutures build() {
            return new UsdmFutures(this);
        }
    }
}
