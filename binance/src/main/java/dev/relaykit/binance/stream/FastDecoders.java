package dev.relaykit.binance.stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.relaykit.binance.model.DepthUpdateEvent;
import dev.relaykit.binance.model.PriceLevel;
import dev.relaykit.binance.model.TradeEvent;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Single-pass streaming decoders for the two busiest streams (diff depth and trades), measured in
 * {@code benchmarks/BinanceDecodeBenchmark}: data binding through a tree, or even straight into the
 * records, costs 2-3x a streaming parse for these messages (array-shaped price levels are the
 * expensive part). They read the documented fields, skip any other (new fields never break them),
 * and fail with an {@link IOException} on a shape they do not expect, after which the caller falls
 * back to the general data-binding path.
 */
final class FastDecoders {
    private FastDecoders() {
    }

    /** Decodes a {@code depthUpdate} object; the parser is on its START_OBJECT. */
    static DepthUpdateEvent depthUpdate(JsonParser p) throws IOException {
        long eventTime = Long.MIN_VALUE;
        String symbol = null;
        long first = Long.MIN_VALUE;
        long last = Long.MIN_VALUE;
        List<PriceLevel> bids = List.of();
        List<PriceLevel> asks = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "E" -> eventTime = p.getLongValue();
                case "s" -> symbol = p.getText();
                case "U" -> first = p.getLongValue();
                case "u" -> last = p.getLongValue();
                case "b" -> bids = levels(p, t);
                case "a" -> asks = levels(p, t);
                default -> p.skipChildren();
            }
        }
        if (first == Long.MIN_VALUE || last == Long.MIN_VALUE || eventTime == Long.MIN_VALUE) {
            throw new IOException("depthUpdate without E, U or u");
        }
        return new DepthUpdateEvent(Instant.ofEpochMilli(eventTime), symbol, first, last, bids, asks);
    }

    /** Decodes a {@code trade} object; the parser is on its START_OBJECT. */
    static TradeEvent trade(JsonParser p) throws IOException {
        long eventTime = Long.MIN_VALUE;
        long tradeTime = Long.MIN_VALUE;
        long tradeId = Long.MIN_VALUE;
        String symbol = null;
        BigDecimal price = null;
        BigDecimal quantity = null;
        boolean buyerMaker = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "E" -> eventTime = p.getLongValue();
                case "s" -> symbol = p.getText();
                case "t" -> tradeId = p.getLongValue();
                case "p" -> price = decimal(p);
                case "q" -> quantity = decimal(p);
                case "T" -> tradeTime = p.getLongValue();
                case "m" -> buyerMaker = p.getBooleanValue();
                default -> p.skipChildren();
            }
        }
        if (tradeId == Long.MIN_VALUE || price == null || quantity == null || eventTime == Long.MIN_VALUE) {
            throw new IOException("trade without t, p, q or E");
        }
        return new TradeEvent(Instant.ofEpochMilli(eventTime), symbol, tradeId, price, quantity,
                tradeTime == Long.MIN_VALUE ? null : Instant.ofEpochMilli(tradeTime), buyerMaker);
    }

    static List<PriceLevel> levels(JsonParser p, JsonToken start) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            throw new IOException("price levels are not an array");
        }
        List<PriceLevel> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_ARRAY) {
            p.nextToken();
            BigDecimal price = decimal(p);
            p.nextToken();
            BigDecimal qty = decimal(p);
            if (p.nextToken() != JsonToken.END_ARRAY) {
                throw new IOException("a price level has more than two entries");
            }
            out.add(new PriceLevel(price, qty));
        }
        return out;
    }

    private static BigDecimal decimal(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return new BigDecimal(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        }
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDecimalValue();
        }
        throw new IOException("expected a decimal, got " + t);
    }
}
