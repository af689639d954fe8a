package dev.relaykit.benchmarks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Stream messages shaped exactly like Binance's documented {@code depthUpdate} and {@code trade}
 * payloads (Binance spot "WebSocket Streams": "Diff. Depth Stream", "Trade Streams"; USD-M futures
 * "Websocket Market Streams": "Diff. Book Depth Streams", "Mark Price Stream"), generated with a
 * fixed seed: BTCUSDT-like prices with 8 decimals, 1-20 levels per side per update, update ids in
 * sequence. No real recording can be fetched here, so these stand in for one; sizes match what
 * Binance sends for a liquid symbol at 100 ms (a few hundred bytes to ~1.5 KB).
 */
final class BinanceMessages {
    static final String DEPTH_STREAM = "btcusdt@depth@100ms";
    static final String TRADE_STREAM = "btcusdt@trade";
    static final long FIRST_UPDATE_ID = 1_000_001;
    static final String FUTURES_DEPTH_STREAM = "btcusdt@depth@100ms";
    static final String MARK_PRICE_STREAM = "btcusdt@markPrice@1s";

    private BinanceMessages() {
    }

    /** @return {@code n} raw depth updates with consecutive ids starting at {@link #FIRST_UPDATE_ID} */
    static List<String> depthUpdates(int n) {
        Random r = new Random(42);
        List<String> out = new ArrayList<>(n);
        long id = FIRST_UPDATE_ID;
        for (int i = 0; i < n; i++) {
            int levels = 1 + r.nextInt(20);
            long last = id + levels - 1;
            StringBuilder sb = new StringBuilder(1600);
            sb.append("{\"e\":\"depthUpdate\",\"E\":").append(1_700_000_000_000L + i * 100L)
                    .append(",\"s\":\"BTCUSDT\",\"U\":").append(id).append(",\"u\":").append(last).append(",\"b\":[");
            side(sb, r, levels / 2 + 1, new BigDecimal("97000.00"), -1);
            sb.append("],\"a\":[");
            side(sb, r, levels - levels / 2, new BigDecimal("97000.01"), 1);
            sb.append("]}");
            out.add(sb.toString());
            id = last + 1;
        }
        return out;
    }

    /**
     * Futures diff depth: as {@link #depthUpdates}, plus {@code T} and {@code pu} (each event's
     * {@code pu} is the previous event's {@code u}; ids jump between events, as on futures). The first
     * event has {@code U = FIRST_UPDATE_ID}, so a snapshot at that id syncs on it.
     *
     * @param n how many
     * @return {@code n} raw futures depth updates
     */
    static List<String> futuresDepthUpdates(int n) {
        Random r = new Random(44);
        List<String> out = new ArrayList<>(n);
        long id = FIRST_UPDATE_ID;
        long previous = FIRST_UPDATE_ID - 7;
        for (int i = 0; i < n; i++) {
            int levels = 1 + r.nextInt(20);
            long last = id + levels * 3L;
            long t = 1_700_000_000_000L + i * 100L;
            StringBuilder sb = new StringBuilder(1600);
            sb.append("{\"e\":\"depthUpdate\",\"E\":").append(t + 2).append(",\"T\":").append(t)
                    .append(",\"s\":\"BTCUSDT\",\"U\":").append(id).append(",\"u\":").append(last)
                    .append(",\"pu\":").append(previous).append(",\"b\":[");
            side(sb, r, levels / 2 + 1, new BigDecimal("97000.0"), -1);
            sb.append("],\"a\":[");
            side(sb, r, levels - levels / 2, new BigDecimal("97000.1"), 1);
            sb.append("]}");
            out.add(sb.toString());
            previous = last;
            id = last + 1 + r.nextInt(40);
        }
        return out;
    }

    /**
     * Futures mark price ({@code markPriceUpdate} with USD-M's {@code ap}), every field present.
     *
     * @param n how many
     * @return {@code n} raw mark price events
     */
    static List<String> markPrices(int n) {
        Random r = new Random(45);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            BigDecimal mark = new BigDecimal("97000.00000000").add(BigDecimal.valueOf(r.nextInt(1_000_000), 4));
            out.add("{\"e\":\"markPriceUpdate\",\"E\":" + (1_700_000_000_000L + i * 1000L) + ",\"s\":\"BTCUSDT\",\"p\":\""
                    + mark.setScale(8).toPlainString() + "\",\"ap\":\"" + mark.subtract(BigDecimal.valueOf(r.nextInt(500), 4))
                    .setScale(8).toPlainString() + "\",\"i\":\"" + mark.add(BigDecimal.valueOf(r.nextInt(900), 4)).setScale(8)
                    .toPlainString() + "\",\"P\":\"" + mark.add(BigDecimal.valueOf(r.nextInt(300), 4)).setScale(8)
                    .toPlainString() + "\",\"r\":\"" + BigDecimal.valueOf(r.nextInt(80_000) - 20_000, 8).toPlainString()
                    + "\",\"T\":" + (1_700_006_400_000L + (i / 28_800) * 28_800_000L) + "}");
        }
        return out;
    }

    /** @return {@code n} raw trade events */
    static List<String> trades(int n) {
        Random r = new Random(43);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long t = 1_700_000_000_000L + i;
            out.add("{\"e\":\"trade\",\"E\":" + t + ",\"s\":\"BTCUSDT\",\"t\":" + (5_000_000L + i) + ",\"p\":\""
                    + new BigDecimal("97000.00").add(BigDecimal.valueOf(r.nextInt(10_000), 2)).setScale(8).toPlainString()
                    + "\",\"q\":\"" + BigDecimal.valueOf(1 + r.nextInt(500_000), 8).toPlainString() + "\",\"T\":" + t
                    + ",\"m\":" + r.nextBoolean() + ",\"M\":true}");
        }
        return out;
    }

    /** @return the messages wrapped as combined-stream messages ({@code {"stream":..,"data":..}}) */
    static List<String> combined(String stream, List<String> raw) {
        List<String> out = new ArrayList<>(raw.size());
        for (String m : raw) {
            out.add("{\"stream\":\"" + stream + "\",\"data\":" + m + "}");
        }
        return out;
    }

    private static void side(StringBuilder sb, Random r, int levels, BigDecimal start, int direction) {
        BigDecimal price = start;
        for (int i = 0; i < levels; i++) {
            if (i > 0) {
                sb.append(',');
            }
            price = price.add(BigDecimal.valueOf(direction * (1 + r.nextInt(50)), 2));
            String qty = r.nextInt(8) == 0 ? "0.00000000" : BigDecimal.valueOf(1 + r.nextInt(300_000_000), 8).toPlainString();
            sb.append("[\"").append(price.setScale(8).toPlainString()).append("\",\"").append(qty).append("\"]");
        }
    }
}
