package dev.relaykit.binance.futures;

import dev.relaykit.binance.futures.model.FuturesExchangeInfo;
import dev.relaykit.binance.futures.model.FuturesFilter;
import dev.relaykit.binance.futures.model.FuturesOrderType;
import dev.relaykit.binance.futures.model.FuturesSymbol;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The symbol checks every futures call makes before sending, and the contract rules an order is checked against
 * when the user opted in ({@code builder().contractRules(info)}).
 */
final class ContractRules {
    /** Binance's symbol characters; futures symbols add {@code _} (delivery dates, {@code _PERP}). */
    private static final Pattern SYMBOL = Pattern.compile("^[A-Z0-9_\\-.]{1,30}$");
    /** COIN-M contract symbols: {@code BTCUSD_PERP}, {@code BTCUSD_250926}. */
    private static final Pattern COINM_SYMBOL = Pattern.compile("^[A-Z0-9]+_(PERP|\\d{6})$");

    private final FuturesProduct product;
    private final FuturesExchangeInfo info;

    ContractRules(FuturesProduct product, FuturesExchangeInfo info) {
        this.product = product;
        this.info = info;
    }

    /**
     * @param symbol a contract symbol
     * @return it
     * @throws IllegalArgumentException if it is malformed, is not a COIN-M contract (on COIN-M), or is not listed in
     *     the exchange information the client was given
     */
    String symbol(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("symbol is required");
        }
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("symbol '" + symbol + "' is not a Binance symbol (upper-case letters, "
                    + "digits and _ only, e.g. BTCUSDT or BTCUSD_PERP)");
        }
        if (product == FuturesProduct.COIN_M && !COINM_SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("'" + symbol + "' is not a COIN-M contract symbol (they read like "
                    + "BTCUSD_PERP or BTCUSD_250926); spot pairs trade on BinanceSpot, USD-M contracts on UsdmFutures");
        }
        if (info != null && info.symbol(symbol).isEmpty()) {
            throw new IllegalArgumentException("'" + symbol + "' is not a " + (product == FuturesProduct.USD_M ? "USD-M"
                    : "COIN-M") + " futures contract in the exchange information this client checks against"
                    + " (a spot-only pair trades on BinanceSpot)");
        }
        return symbol;
    }

    /** @param pair a COIN-M pair ({@code BTCUSD}) or USD-M pair ({@code BTCUSDT}) */
    static String pair(String pair) {
        if (pair == null || pair.isBlank() || !SYMBOL.matcher(pair).matches() || pair.contains("_")) {
            throw new IllegalArgumentException("pair '" + pair + "' is not a Binance pair (e.g. BTCUSD or BTCUSDT)");
        }
        return pair;
    }

    /** Checks an order's prices and quantity against the contract's filters, when the user gave exchange information. */
    void check(NewFuturesOrder order) {
        symbol(order.symbol());
        order.checkCallbackRate(product);
        if (info == null) {
            return;
        }
        FuturesSymbol s = info.symbol(order.symbol()).orElseThrow();
        s.filter(FuturesFilter.PriceFilter.class).ifPresent(f -> {
            price("price", order.price(), f);
            price("trigger price", order.triggerPrice(), f);
        });
        boolean market = order.type() == FuturesOrderType.MARKET || order.type() == FuturesOrderType.STOP_MARKET
                || order.type() == FuturesOrderType.TAKE_PROFIT_MARKET || order.type() == FuturesOrderType.TRAILING_STOP_MARKET;
        if (order.quantity() != null) {
            if (market) {
                s.filter(FuturesFilter.MarketLotSize.class).ifPresent(f -> qty(order.quantity(), "MARKET_LOT_SIZE",
                        f.minQty(), f.maxQty(), f.stepSize()));
            } else {
                s.filter(FuturesFilter.LotSize.class).ifPresent(f -> qty(order.quantity(), "LOT_SIZE",
                        f.minQty(), f.maxQty(), f.stepSize()));
            }
            s.filter(FuturesFilter.MinNotional.class).ifPresent(f -> {
                if (order.price() != null && f.notional() != null
                        && order.price().multiply(order.quantity()).compareTo(f.notional()) < 0) {
                    throw new IllegalArgumentException("MIN_NOTIONAL: " + order.quantity().toPlainString() + " x "
                            + order.price().toPlainString() + " is below " + f.notional().toPlainString());
                }
            });
        }
    }

    private static void price(String name, BigDecimal p, FuturesFilter.PriceFilter f) {
        if (p == null) {
            return;
        }
        if (positive(f.minPrice()) && p.compareTo(f.minPrice()) < 0) {
            throw new IllegalArgumentException("PRICE_FILTER: " + name + " " + p.toPlainString() + " is below minPrice "
                    + f.minPrice().toPlainString());
        }
        if (positive(f.maxPrice()) && p.compareTo(f.maxPrice()) > 0) {
            throw new IllegalArgumentException("PRICE_FILTER: " + name + " " + p.toPlainString() + " is above maxPrice "
                    + f.maxPrice().toPlainString());
        }
        if (positive(f.tickSize()) && p.remainder(f.tickSize()).signum() != 0) {
            throw new IllegalArgumentException("PRICE_FILTER: " + name + " " + p.toPlainString()
                    + " is not a multiple of tickSize " + f.tickSize().toPlainString());
        }
    }

    private static void qty(BigDecimal q, String filter, BigDecimal min, BigDecimal max, BigDecimal step) {
        if (positive(min) && q.compareTo(min) < 0) {
            throw new IllegalArgumentException(filter + ": quantity " + q.toPlainString() + " is below minQty " + min.toPlainString());
        }
        if (positive(max) && q.compareTo(max) > 0) {
            throw new IllegalArgumentException(filter + ": quantity " + q.toPlainString() + " is above maxQty " + max.toPlainString());
        }
        if (positive(step) && q.remainder(step).signum() != 0) {
            throw new IllegalArgumentException(filter + ": quantity " + q.toPlainString() + " is not a multiple of stepSize "
                    + step.toPlainString());
        }
    }

    private static boolean positive(BigDecimal d) {
        return d != null && d.signum() > 0;
    }
}
