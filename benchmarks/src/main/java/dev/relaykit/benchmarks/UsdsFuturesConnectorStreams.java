package dev.relaykit.benchmarks;

import com.binance.connector.client.common.websocket.adapter.stream.StreamConnectionInterface;
import com.binance.connector.client.common.websocket.configuration.WebSocketClientConfiguration;
import com.binance.connector.client.common.websocket.service.StreamBlockingQueueWrapper;
import com.binance.connector.client.derivatives_trading_usds_futures.websocket.stream.DerivativesTradingUsdsFuturesWebSocketStreamsUtil;
import com.binance.connector.client.derivatives_trading_usds_futures.websocket.stream.JSON;
import com.binance.connector.client.derivatives_trading_usds_futures.websocket.stream.api.DerivativesTradingUsdsFuturesWebSocketStreams;
import com.binance.connector.client.derivatives_trading_usds_futures.websocket.stream.model.DiffBookDepthStreamsRequest;
import com.binance.connector.client.derivatives_trading_usds_futures.websocket.stream.model.MarkPriceStreamRequest;
import com.google.gson.Gson;
import java.util.function.Consumer;

/**
 * The official USD-M futures connector's stream client, as its README shows it: a configuration from
 * {@code DerivativesTradingUsdsFuturesWebSocketStreamsUtil} (URL replaced by the local server), a
 * {@code DerivativesTradingUsdsFuturesWebSocketStreams}, one stream request, and a thread that
 * {@code take()}s from the returned queue. Runs only inside {@link UsdsFuturesConnector}'s class
 * loader (Jetty 11); public for that loader's reflective call.
 */
public final class UsdsFuturesConnectorStreams {
    private UsdsFuturesConnectorStreams() {
    }

    /**
     * @param baseUrl e.g. {@code ws://127.0.0.1:PORT}
     * @param depth {@code btcusdt@depth@100ms} if true, else {@code btcusdt@markPrice@1s}
     * @param typed hand on the connector's model if true, else the raw string it queued
     * @param sink receives each message on the consumer thread
     * @return closes the consumer and the connection
     * @throws Exception if it cannot connect or subscribe
     */
    public static AutoCloseable open(String baseUrl, boolean depth, boolean typed, Consumer<Object> sink) throws Exception {
        WebSocketClientConfiguration configuration = DerivativesTradingUsdsFuturesWebSocketStreamsUtil.getClientConfiguration();
        configuration.setUrl(baseUrl + "/stream");
        // what the connector's (WebSocketClientConfiguration) constructor builds; made here so that close()
        // can stop it, and by reflection because javac would need Jetty 11 on the class path to compile
        // a call to its constructors (only the run time has it)
        StreamConnectionInterface connection = (StreamConnectionInterface) Class.forName(
                        "com.binance.connector.client.common.websocket.adapter.stream.StreamConnectionWrapper")
                .getConstructor(WebSocketClientConfiguration.class, Gson.class).newInstance(configuration, JSON.getGson());
        DerivativesTradingUsdsFuturesWebSocketStreams api = new DerivativesTradingUsdsFuturesWebSocketStreams(connection);
        StreamBlockingQueueWrapper<?> queue = depth
                ? api.diffBookDepthStreams(new DiffBookDepthStreamsRequest().symbol("btcusdt").updateSpeed("100ms"))
                : api.markPriceStream(new MarkPriceStreamRequest().symbol("btcusdt").updateSpeed("1s"));
        Thread consumer = new Thread(() -> {
            try {
                while (true) {
                    sink.accept(typed ? queue.take() : queue.getInnerQueue().take());
                }
            } catch (InterruptedException e) {
                // closed
            }
        }, "usds-futures-connector-consumer");
        consumer.setDaemon(true);
        consumer.start();
        return () -> {
            consumer.interrupt();
            consumer.join(5000);
            connection.disconnect();
            connection.stop();
        };
    }
}
