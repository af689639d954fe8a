package dev.relaykit.binance.futures.model;

import java.util.Objects;

/**
 * What placing an order produced: an order in the matching engine ({@link Regular}), or, for a conditional type on
 * USD-M, a conditional order in the algo-order service ({@link Conditional}), where Binance keeps stop,
 * take-profit and trailing orders since 2025-12-09.
 *
 * <pre>{@code
 * PlacedOrder placed = usdm.trading().newOrder(NewFuturesOrder.stopMarket("BTCUSDT", OrderSide.SELL,
 *         new BigDecimal("0.01"), new BigDecimal("58000")));
 * if (placed instanceof PlacedOrder.Conditional c) {
 *     System.out.println("algo order " + c.algoOrder().algoId());
 * }
 * }</pre>
 */
public sealed interface PlacedOrder {

    /** @return the symbol */
    String symbol();

    /**
     * An order in the matching engine.
     *
     * @param order the order as Binance answered
     */
    record Regular(FuturesOrder order) implements PlacedOrder {
        /** @param order the order */
        public Regular {
            Objects.requireNonNull(order, "order");
        }

        @Override
        public String symbol() {
            return order.symbol();
        }
    }

    /**
     * A conditional order in USD-M's algo-order service.
     *
     * @param algoOrder the algo order as Binance answered
     */
    record Conditional(AlgoOrder algoOrder) implements PlacedOrder {
        /** @param algoOrder the algo order */
        public Conditional {
            Objects.requireNonNull(algoOrder, "algoOrder");
        }

        @Override
        public String symbol() {
            return algoOrder.symbol();
        }
    }
}
