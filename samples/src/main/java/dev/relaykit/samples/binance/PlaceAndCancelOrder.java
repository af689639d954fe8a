package dev.relaykit.samples.binance;

import dev.relaykit.binance.BinanceApiException;
import dev.relaykit.binance.BinanceEnvironment;
import dev.relaykit.binance.BinanceKey;
import dev.relaykit.binance.BinanceSpot;
import dev.relaykit.binance.NewOrder;
import dev.relaykit.binance.model.Order;
import dev.relaykit.binance.model.OrderSide;
import dev.relaykit.samples.SampleRun;
import dev.relaykit.testkit.FakeBinance;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Checks an order with Binance's test-order endpoint, places it as a post-only limit order, reads it
 * back and cancels it.
 *
 * <pre>
 * ./relaykit binance-order [symbol [quantity [price]]]
 * BINANCE_ENV=testnet BINANCE_API_KEY=... BINANCE_SECRET_KEY=... ./relaykit binance-order
 * </pre>
 *
 * Offline (the default) it runs against the testkit's fake Binance, which checks the signature of
 * every request exactly as Binance does and keeps the orders it is sent.
 */
public final class PlaceAndCancelOrder {
    private PlaceAndCancelOrder() {
    }

    /**
     * @param args {@code [symbol [quantity [price]]]}, default {@code BTCUSDT 0.001 10000}: far below the
     *     market on purpose, so the order rests and can be cancelled
     */
    public static void main(String[] args) {
        SampleRun.main("binance-order", () -> {
            String symbol = args.length > 0 ? args[0] : "BTCUSDT";
            BigDecimal quantity = new BigDecimal(args.length > 1 ? args[1] : "0.001");
            BigDecimal price = new BigDecimal(args.length > 2 ? args[2] : "10000");
            BinanceEnvironment env = SampleEnv.environment();
            if (env == null) {
                System.out.println("offline: a fake Binance on 127.0.0.1 that checks signatures like Binance"
                        + " (BINANCE_ENV=testnet and a key for the real thing)");
                try (FakeBinance fake = FakeBinance.start().acceptHmacKey("offline-key", "offline-secret")
                        .simulateOrders(new BigDecimal("97000"))) {
                    run(new BinanceEnvironment("local fake", fake.restBaseUrl(), "ws://127.0.0.1:1",
                                    "ws://127.0.0.1:1/ws-api/v3"), BinanceKey.hmac("offline-key", "offline-secret"),
                            symbol, quantity, price, System.out);
                }
            } else {
                run(env, SampleEnv.key(), symbol, quantity, price, System.out);
            }
        });
    }

    /**
     * Runs the sample.
     *
     * @param env where to connect
     * @param key the key
     * @param symbol the symbol
     * @param quantity the order quantity
     * @param price the limit price
     * @param out where to print
     * @return the cancelled order as Binance reported it
     * @throws SampleRun.Failure if Binance cannot be reached (naming the step and the cause) or refuses an order
     */
    public static Order run(BinanceEnvironment env, BinanceKey key, String symbol, BigDecimal quantity, BigDecimal price,
                            PrintStream out) {
        try (BinanceSpot binance = BinanceSpot.builder().environment(env).key(key).build()) {
            Duration offset = SampleRun.step(out, "connecting to Binance " + env.name() + " at " + env.restBaseUrl(),
                    binance::syncTime);
            out.println("connected; clock offset " + offset.toMillis() + " ms");
            NewOrder order = NewOrder.limitMaker(symbol, OrderSide.BUY, quantity, price).build();
            binance.trading().testOrder(order, false);
            out.println("test order accepted: " + order);
            Order placed = binance.trading().placeOrder(order);
            out.println("placed:    order " + placed.orderId() + " " + placed.side() + " " + placed.origQty().toPlainString()
                    + " " + placed.symbol() + " @ " + placed.price().toPlainString() + " -> " + placed.status());
            Order current = binance.trading().queryOrder(placed.symbol(), placed.orderId());
            out.println("queried:   order " + current.orderId() + " is " + current.status());
            Order cancelled = binance.trading().cancelOrder(placed.symbol(), placed.orderId());
            out.println("cancelled: order " + cancelled.orderId() + " -> " + cancelled.status());
            return cancelled;
        } catch (BinanceApiException e) {
            throw new SampleRun.Failure("Binance refused: code " + e.binanceCode() + ": " + e.serviceMessage(), e);
        }
    }
}
