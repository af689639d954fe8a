package dev.relaykit.binance.futures;

/**
 * The Binance COIN-M futures client ({@code /dapi}): market data, trading, account and positions; sync and async;
 * raw calls. The same shape as {@link UsdmFutures}, without the algo-order service: COIN-M documents none yet, so
 * its conditional orders (STOP, STOP_MARKET, TAKE_PROFIT, TAKE_PROFIT_MARKET, TRAILING_STOP_MARKET) are placed on
 * {@code POST /dapi/v1/order} as its "New Order" page documents, and answered as ordinary orders.
 *
 * <pre>{@code
 * try (CoinmFutures coinm = CoinmFutures.builder()
 *         .environment(FuturesEnvironment.COINM_TESTNET)
 *         .key(BinanceKey.hmac(apiKey, secretKey))
 *         .build()) {
 *     MarkPrice mark = coinm.market().markPrice("BTCUSD_PERP");
 *     PlacedOrder stop = coinm.trading().newOrder(NewFuturesOrder.stopMarket("BTCUSD_PERP", OrderSide.SELL,
 *             BigDecimal.ONE, new BigDecimal("58000")));   // a PlacedOrder.Regular on /dapi/v1/order
 * }
 * }</pre>
 *
 * <p>Symbols are COIN-M contracts ({@code BTCUSD_PERP}, {@code BTCUSD_250926}); anything else (a spot pair, a USD-M
 * symbol) is refused before sending. Budgets default to 2400 request weight and 1200 orders per minute.
 */
public final class CoinmFutures extends FuturesClient {

    private CoinmFutures(Builder b) {
        super(b, FuturesProduct.COIN_M);
    }

    /** @return a builder: {@link FuturesEnvironment#COINM_PRODUCTION}, no key, recvWindow 5000 ms */
    public static Builder builder() {
        return new Builder();
    }

    /** Configures a {@link CoinmFutures}. */
    public static final class Builder extends FuturesClient.Builder<Builder, CoinmFutures> {
        private Builder() {
            super(FuturesEnvironment.COINM_PRODUCTION, 0);
        }

        @Override
        public CoinmFutures build() {
            return new CoinmFutures(this);
        }
    }
}
