package dev.relaykit.binance.futures;

import dev.relaykit.binance.futures.model.AdlQuantile;
import dev.relaykit.binance.futures.model.BinanceResult;
import dev.relaykit.binance.futures.model.TradingStatus;
import dev.relaykit.binance.futures.model.CommissionRate;
import dev.relaykit.binance.futures.model.FuturesAccountTrade;
import dev.relaykit.binance.futures.model.FuturesOrder;
import dev.relaykit.binance.futures.model.LeverageBracket;
import dev.relaykit.binance.futures.model.MarginChangeResult;
import dev.relaykit.binance.futures.model.PositionMarginChange;
import dev.relaykit.binance.futures.model.PositionSide;
import java.math.BigDecimal;
import dev.relaykit.binance.futures.model.FuturesAccountInfo;
import dev.relaykit.binance.futures.model.FuturesBalance;
import dev.relaykit.binance.futures.model.IncomeRecord;
import dev.relaykit.binance.futures.model.LeverageChange;
import dev.relaykit.binance.futures.model.MarginType;
import dev.relaykit.binance.futures.model.PositionRisk;
import dev.relaykit.binance.internal.Call;
import dev.relaykit.binance.internal.Params;
import dev.relaykit.core.rest.RestRequest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Futures account and positions: {@code usdm.account()} or {@code coinm.account()}. Signed. USD-M uses the
 * current versions of its pages ({@code /fapi/v3/balance}, {@code /fapi/v3/account}, {@code /fapi/v3/positionRisk});
 * COIN-M its {@code /dapi/v1} ones.
 *
 * <pre>{@code
 * FuturesAccount account = usdm.account();
 * List<FuturesBalance> balances = account.balances();
 * List<PositionRisk> positions = account.positions("BTCUSDT");
 * account.changeLeverage("BTCUSDT", 10);
 * account.changeMarginType("BTCUSDT", MarginType.ISOLATED);
 * boolean hedge = account.hedgeMode();
 * }</pre>
 */
public final class FuturesAccount {
    private final Endpoints e;

    FuturesAccount(Endpoints endpoints) {
        this.e = endpoints;
    }

    /** @return the wallet's assets ({@code GET /fapi/v3/balance}, weight 5; COIN-M {@code /dapi/v1/balance}, weight 1) */
    public List<FuturesBalance> balances() {
        return e.send(balancesCall());
    }

    /** @return see {@link #balances()} */
    public CompletableFuture<List<FuturesBalance>> balancesAsync() {
        return e.sendAsync(this::balancesCall);
    }

    private Call<List<FuturesBalance>> balancesCall() {
        return Call.query(e.get(e.usdm() ? "/v3/balance" : "/v1/balance").signed().weight(e.usdm() ? 5 : 1).build(),
                Call.listOf(FuturesBalance.class));
    }

    /** @return totals, assets and positions ({@code GET /fapi/v3/account}, COIN-M {@code /dapi/v1/account}; weight 5) */
    public FuturesAccountInfo accountInfo() {
        return e.send(accountCall());
    }

    /** @return see {@link #accountInfo()} */
    public CompletableFuture<FuturesAccountInfo> accountInfoAsync() {
        return e.sendAsync(this::accountCall);
    }

    private Call<FuturesAccountInfo> accountCall() {
        return Call.query(e.get(e.usdm() ? "/v3/account" : "/v1/account").signed().weight(5).build(),
                Call.as(FuturesAccountInfo.class));
    }

    /**
     * Positions with their risk ({@code GET /fapi/v3/positionRisk}, weight 5; COIN-M {@code /dapi/v1/positionRisk},
     * weight 1). USD-M v3 lists only symbols with a position or open orders.
     *
     * @param symbolOrPair USD-M: a contract; COIN-M: a pair such as {@code BTCUSD} (its page filters by pair); or
     *     {@code null} for all
     * @return the positions
     */
    public List<PositionRisk> positions(String symbolOrPair) {
        return e.send(positionsCall(symbolOrPair));
    }

    /**
     * @param symbolOrPair a contract (USD-M) or pair (COIN-M), or {@code null}
     * @return see {@link #positions(String)}
     */
    public CompletableFuture<List<PositionRisk>> positionsAsync(String symbolOrPair) {
        return e.sendAsync(() -> positionsCall(symbolOrPair));
    }

    private Call<List<PositionRisk>> positionsCall(String symbolOrPair) {
        RestRequest.Builder b = e.get(e.usdm() ? "/v3/positionRisk" : "/v1/positionRisk");
        if (symbolOrPair != null) {
            b = e.usdm() ? b.param("symbol", e.rules.symbol(symbolOrPair)) : b.param("pair", ContractRules.pair(symbolOrPair));
        }
        return Call.query(b.signed().weight(e.usdm() ? 5 : 1).build(),
                Call.listOf(PositionRisk.class));
    }

    /**
     * Changes a contract's initial leverage ({@code POST /fapi/v1/leverage}, weight 1): sends {@code symbol} and
     * {@code leverage}, as documented.
     *
     * @param symbol the contract
     * @param leverage 1 to 125 (a contract's brackets may allow less: Binance then answers an error)
     * @return the leverage now and what it allows
     * @throws IllegalArgumentException if leverage is outside 1 to 125 (nothing is sent)
     */
    public LeverageChange changeLeverage(String symbol, int leverage) {
        return e.send(leverageCall(symbol, leverage));
    }

    /**
     * @param symbol the contract
     * @param leverage 1 to 125
     * @return see {@link #changeLeverage(String, int)}
     */
    public CompletableFuture<LeverageChange> changeLeverageAsync(String symbol, int leverage) {
        return e.sendAsync(() -> leverageCall(symbol, leverage));
    }

    private Call<LeverageChange> leverageCall(String symbol, int leverage) {
        Params.between("leverage", leverage, 1, 125);
        return Call.query(RestRequest.post(e.path("/v1/leverage")).param("symbol", e.rules.symbol(symbol))
                .param("leverage", leverage).signed().weight(1).build(), Call.as(LeverageChange.class));
    }

    /**
     * Changes a contract's margin mode ({@code POST /fapi/v1/marginType}, weight 1): sends {@code symbol} and
     * {@code marginType} ({@code ISOLATED} or {@code CROSSED}). Binance answers -4046 if it already is.
     *
     * @param symbol the contract
     * @param marginType ISOLATED or CROSSED
     * @return Binance's acknowledgement
     */
    public BinanceResult changeMarginType(String symbol, MarginType marginType) {
        return e.send(marginTypeCall(symbol, marginType));
    }

    /**
     * @param symbol the contract
     * @param marginType ISOLATED or CROSSED
     * @return see {@link #changeMarginType(String, MarginType)}
     */
    public CompletableFuture<BinanceResult> changeMarginTypeAsync(String symbol, MarginType marginType) {
        return e.sendAsync(() -> marginTypeCall(symbol, marginType));
    }

    private Call<BinanceResult> marginTypeCall(String symbol, MarginType marginType) {
        if (marginType == null || marginType == MarginType.UNKNOWN) {
            throw new IllegalArgumentException("marginType must be ISOLATED or CROSSED, was " + marginType);
        }
        return Call.query(RestRequest.post(e.path("/v1/marginType")).param("symbol", e.rules.symbol(symbol))
                .param("marginType", marginType).signed().weight(1).build(), Call.as(BinanceResult.class));
    }

    /** @return whether the account is in hedge mode ({@code GET /fapi/v1/positionSide/dual}, weight 30) */
    public boolean hedgeMode() {
        return e.send(hedgeModeCall());
    }

    /** @return see {@link #hedgeMode()} */
    public CompletableFuture<Boolean> hedgeModeAsync() {
        return e.sendAsync(this::hedgeModeCall);
    }

    private Call<Boolean> hedgeModeCall() {
        return Call.query(e.get("/v1/positionSide/dual").signed().weight(30).build(),
                node -> node.path("dualSidePosition").asBoolean());
    }

    /**
     * Switches position mode for every symbol ({@code POST /fapi/v1/positionSide/dual}, weight 1): sends
     * {@code dualSidePosition=true} (hedge mode) or {@code false} (one-way mode), as documented.
     *
     * @param hedge {@code true} for hedge mode, {@code false} for one-way mode
     * @return Binance's acknowledgement
     */
    public BinanceResult changePositionMode(boolean hedge) {
        return e.send(positionModeCall(hedge));
    }

    /**
     * @param hedge {@code true} for hedge mode
     * @return see {@link #changePositionMode(boolean)}
     */
    public CompletableFuture<BinanceResult> changePositionModeAsync(boolean hedge) {
        return e.sendAsync(() -> positionModeCall(hedge));
    }

    private Call<BinanceResult> positionModeCall(boolean hedge) {
        return Call.query(RestRequest.post(e.path("/v1/positionSide/dual")).param("dualSidePosition", hedge).signed()
                .weight(1).build(), Call.as(BinanceResult.class));
    }

    /**
     * Income history ({@code GET /fapi/v1/income}, weight 30; COIN-M 20): funding fees, realized PnL, commissions,
     * transfers. Binance keeps three months and answers at most a 7-day window without start and end.
     *
     * @param symbol a contract, or {@code null}
     * @param incomeType e.g. {@code FUNDING_FEE}, {@code REALIZED_PNL}, {@code COMMISSION}, {@code TRANSFER}, or {@code null}
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null}
     * @param limit how many, 1 to 1000, or {@code null} for 100
     * @return the records
     */
    public List<IncomeRecord> income(String symbol, String incomeType, Instant startTime, Instant endTime, Integer limit) {
        return e.send(incomeCall(symbol, incomeType, startTime, endTime, limit));
    }

    /**
     * @param symbol a contract, or {@code null}
     * @param incomeType an income type, or {@code null}
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null}
     * @param limit how many, or {@code null}
     * @return see {@link #income(String, String, Instant, Instant, Integer)}
     */
    public CompletableFuture<List<IncomeRecord>> incomeAsync(String symbol, String incomeType, Instant startTime,
                                                            Instant endTime, Integer limit) {
        return e.sendAsync(() -> incomeCall(symbol, incomeType, startTime, endTime, limit));
    }

    private Call<List<IncomeRecord>> incomeCall(String symbol, String incomeType, Instant startTime, Instant endTime,
                                                Integer limit) {
        Params.range(startTime, endTime);
        return Call.query(e.get("/v1/income").param("symbol", symbol == null ? null : e.rules.symbol(symbol))
                .param("incomeType", incomeType).param("startTime", Params.millis(startTime))
                .param("endTime", Params.millis(endTime)).param("limit", Params.limit(limit, 1000)).signed()
                .weight(e.usdm() ? 30 : 20).build(), Call.listOf(IncomeRecord.class));
    }

    /**
     * A contract's commission rates ({@code GET /fapi/v1/commissionRate}, weight 20).
     *
     * @param symbol the contract
     * @return its rates
     */
    public CommissionRate commissionRate(String symbol) {
        return e.send(Call.query(e.get("/v1/commissionRate").param("symbol", e.rules.symbol(symbol)).signed().weight(20)
                .build(), Call.as(CommissionRate.class)));
    }

    /**
     * @param symbol the contract
     * @return see {@link #commissionRate(String)}
     */
    public CompletableFuture<CommissionRate> commissionRateAsync(String symbol) {
        return e.sendAsync(() -> Call.query(e.get("/v1/commissionRate").param("symbol", e.rules.symbol(symbol)).signed()
                .weight(20).build(), Call.as(CommissionRate.class)));
    }
    /**
     * Your fills ({@code GET /fapi/v1/userTrades}, weight 5; a window of at most 7 days, the last 3 months).
     *
     * @param symbol the contract
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null}
     * @param limit how many, 1 to 1000, or {@code null} for 500
     * @return the fills
     */
    public List<FuturesAccountTrade> accountTrades(String symbol, Instant startTime, Instant endTime, Integer limit) {
        Params.window(startTime, endTime, java.time.Duration.ofDays(7), "7 days");
        return e.send(Call.query(e.get("/v1/userTrades").param("symbol", e.rules.symbol(symbol))
                .param("startTime", Params.millis(startTime)).param("endTime", Params.millis(endTime))
                .param("limit", Params.limit(limit, 1000)).signed().weight(5).build(), Call.listOf(FuturesAccountTrade.class)));
    }

    /**
     * Your liquidation and ADL orders ({@code GET /fapi/v1/forceOrders}, weight 20 with a symbol, 50 without).
     *
     * @param symbol a contract, or {@code null}
     * @param autoCloseType {@code LIQUIDATION}, {@code ADL}, or {@code null} for both
     * @param limit how many, 1 to 100, or {@code null} for 50
     * @return the orders
     */
    public List<FuturesOrder> forceOrders(String symbol, String autoCloseType, Integer limit) {
        if (autoCloseType != null && !autoCloseType.equals("LIQUIDATION") && !autoCloseType.equals("ADL")) {
            throw new IllegalArgumentException("autoCloseType must be LIQUIDATION or ADL, was " + autoCloseType);
        }
        return e.send(Call.query(e.get("/v1/forceOrders").param("symbol", symbol == null ? null : e.rules.symbol(symbol))
                .param("autoCloseType", autoCloseType).param("limit", Params.limit(limit, 100)).signed()
                .weight(symbol == null ? 50 : 20).build(), Call.listOf(FuturesOrder.class)));
    }

    /**
     * Adds margin to or removes it from an isolated position ({@code POST /fapi/v1/positionMargin}, weight 1).
     *
     * @param symbol the contract
     * @param positionSide the position side (BOTH in one-way mode), or {@code null}
     * @param amount a positive amount
     * @param add {@code true} to add (type 1), {@code false} to reduce (type 2)
     * @return Binance's answer
     */
    public MarginChangeResult changePositionMargin(String symbol, PositionSide positionSide, BigDecimal amount, boolean add) {
        return e.send(Call.query(RestRequest.post(e.path("/v1/positionMargin")).param("symbol", e.rules.symbol(symbol))
                .param("positionSide", positionSide).param("amount", Params.positive("amount", amount))
                .param("type", add ? 1 : 2).signed().idempotent(false).weight(1).build(), Call.as(MarginChangeResult.class)));
    }

    /**
     * Isolated-margin changes of a contract ({@code GET /fapi/v1/positionMargin/history}, weight 1).
     *
     * @param symbol the contract
     * @param limit how many, or {@code null} for 500
     * @return the changes
     */
    public List<PositionMarginChange> positionMarginHistory(String symbol, Integer limit) {
        return e.send(Call.query(e.get("/v1/positionMargin/history").param("symbol", e.rules.symbol(symbol))
                .param("limit", Params.limit(limit, 1000)).signed().weight(1).build(), Call.listOf(PositionMarginChange.class)));
    }

    /**
     * Notional and leverage brackets per contract: USD-M {@code GET /fapi/v1/leverageBracket}, COIN-M
     * {@code GET /dapi/v2/leverageBracket} ("Notional Bracket for Symbol", whose brackets are bounded by base-asset
     * quantity: {@link LeverageBracket.Bracket#qtyCap()}); weight 1.
     *
     * @param symbol a contract, or {@code null} for all
     * @return the brackets per symbol
     */
    public List<LeverageBracket> leverageBrackets(String symbol) {
        return e.send(bracketsCall(symbol));
    }

    /**
     * @param symbol a contract, or {@code null} for all
     * @return see {@link #leverageBrackets(String)}
     */
    public CompletableFuture<List<LeverageBracket>> leverageBracketsAsync(String symbol) {
        return e.sendAsync(() -> bracketsCall(symbol));
    }

    private Call<List<LeverageBracket>> bracketsCall(String symbol) {
        return Call.query(e.get(e.usdm() ? "/v1/leverageBracket" : "/v2/leverageBracket")
                .param("symbol", symbol == null ? null : e.rules.symbol(symbol)).signed().weight(1).build(),
                FuturesAccount::bracketList);
    }

    /**
     * COIN-M's per-pair brackets ({@code GET /dapi/v1/leverageBracket}, "Notional Bracket for Pair", weight 1).
     * Binance's page advises against it: with several symbol brackets under a pair its values may be ambiguous;
     * prefer {@link #leverageBrackets(String)}.
     *
     * @param pair a pair such as {@code BTCUSD}, or {@code null} for all
     * @return the brackets per pair ({@link LeverageBracket#pair()})
     * @throws UnsupportedOperationException on USD-M, whose brackets are per symbol only
     *     (<a href="https://developers.binance.com/docs/derivatives/usds-margined-futures/account/rest-api/Notional-and-Leverage-Brackets">page</a>)
     */
    public List<LeverageBracket> pairLeverageBrackets(String pair) {
        return e.send(pairBracketsCall(pair));
    }

    /**
     * @param pair a pair, or {@code null}
     * @return see {@link #pairLeverageBrackets(String)}
     */
    public CompletableFuture<List<LeverageBracket>> pairLeverageBracketsAsync(String pair) {
        return e.sendAsync(() -> pairBracketsCall(pair));
    }

    private Call<List<LeverageBracket>> pairBracketsCall(String pair) {
        if (e.usdm()) {
            throw new UnsupportedOperationException("USD-M documents brackets per symbol only (GET /fapi/v1/leverageBracket:"
                    + " https://developers.binance.com/docs/derivatives/usds-margined-futures/account/rest-api/"
                    + "Notional-and-Leverage-Brackets); use leverageBrackets(symbol)");
        }
        return Call.query(e.get("/v1/leverageBracket").param("pair", pair == null ? null : ContractRules.pair(pair))
                .signed().weight(1).build(), FuturesAccount::bracketList);
    }

    /** USD-M answers one object when a symbol is sent, a list otherwise; COIN-M always a list. */
    private static List<LeverageBracket> bracketList(com.fasterxml.jackson.databind.JsonNode node) {
        return Call.listOf(LeverageBracket.class)
                .apply(node.isArray() ? node : dev.relaykit.core.json.Json.mapper().createArrayNode().add(node));
    }

    // ------------------------------------------------------------------ ADL quantile and trading status

    /**
     * Where the account's positions stand in the auto-deleveraging queue ({@code GET /fapi/v1/adlQuantile},
     * COIN-M {@code /dapi/v1/adlQuantile}; weight 5; "Position ADL Quantile Estimation").
     *
     * @param symbol a contract, or {@code null} for every position
     * @return one entry per contract with positions
     */
    public List<AdlQuantile> adlQuantiles(String symbol) {
        return e.send(adlCall(symbol));
    }

    /**
     * @param symbol a contract, or {@code null}
     * @return see {@link #adlQuantiles(String)}
     */
    public CompletableFuture<List<AdlQuantile>> adlQuantilesAsync(String symbol) {
        return e.sendAsync(() -> adlCall(symbol));
    }

    private Call<List<AdlQuantile>> adlCall(String symbol) {
        return Call.query(e.get("/v1/adlQuantile").param("symbol", symbol == null ? null : e.rules.symbol(symbol))
                .signed().weight(5).build(), Call.listOf(AdlQuantile.class));
    }

    /**
     * The account's standing under Binance's futures trading quantitative rules ({@code GET /fapi/v1/apiTradingStatus},
     * USD-M "Futures Trading Quantitative Rules Indicators"; weight 1 with a symbol, 10 without).
     *
     * @param symbol a contract, or {@code null} for all
     * @return the indicators that reached their thresholds, per symbol and for the account
     * @throws UnsupportedOperationException on COIN-M, whose docs document no such endpoint (the page is USD-M's:
     *     https://developers.binance.com/docs/derivatives/usds-margined-futures/account/rest-api/Futures-Trading-Quantitative-Rules-Indicators)
     */
    public TradingStatus tradingStatus(String symbol) {
        return e.send(tradingStatusCall(symbol));
    }

    /**
     * @param symbol a contract, or {@code null}
     * @return see {@link #tradingStatus(String)}
     */
    public CompletableFuture<TradingStatus> tradingStatusAsync(String symbol) {
        return e.sendAsync(() -> tradingStatusCall(symbol));
    }

    private Call<TradingStatus> tradingStatusCall(String symbol) {
        requireUsdm("the trading quantitative rules indicators (GET /fapi/v1/apiTradingStatus)", "account/rest-api/"
                + "Futures-Trading-Quantitative-Rules-Indicators");
        return Call.query(e.get("/v1/apiTradingStatus").param("symbol", symbol == null ? null : e.rules.symbol(symbol))
                .signed().weight(symbol == null ? 10 : 1).build(), Call.as(TradingStatus.class));
    }

    // ------------------------------------------------------------------ multi-assets mode (USD-M)

    /**
     * @return whether multi-assets mode is on ({@code GET /fapi/v1/multiAssetsMargin}, weight 30)
     * @throws UnsupportedOperationException on COIN-M: multi-assets mode is a USD-M feature, and the COIN-M docs
     *     document no such endpoint (the page is USD-M's:
     *     https://developers.binance.com/docs/derivatives/usds-margined-futures/account/rest-api/Get-Current-Multi-Assets-Mode)
     */
    public boolean multiAssetsMode() {
        requireUsdm("multi-assets mode (GET /fapi/v1/multiAssetsMargin)", MULTI_ASSETS_PAGE);
        return e.send(Call.query(e.get("/v1/multiAssetsMargin").signed().weight(30).build(),
                node -> node.path("multiAssetsMargin").asBoolean()));
    }

    /**
     * Turns multi-assets mode on or off for every symbol ({@code POST /fapi/v1/multiAssetsMargin}, weight 1, USD-M):
     * sends {@code multiAssetsMargin=true|false}.
     *
     * @param on {@code true} for multi-assets mode, {@code false} for single-asset mode
     * @return Binance's acknowledgement
     * @throws UnsupportedOperationException on COIN-M, which documents no multi-assets mode (see
     *     {@link #multiAssetsMode()})
     */
    public BinanceResult changeMultiAssetsMode(boolean on) {
        requireUsdm("multi-assets mode (POST /fapi/v1/multiAssetsMargin)", "trade/rest-api/Change-Multi-Assets-Mode");
        return e.send(Call.query(RestRequest.post(e.path("/v1/multiAssetsMargin")).param("multiAssetsMargin", on).signed()
                .weight(1).build(), Call.as(BinanceResult.class)));
    }

    private static final String MULTI_ASSETS_PAGE = "account/rest-api/Get-Current-Multi-Assets-Mode";
    private static final String USDM_DOCS = "https://developers.binance.com/docs/derivatives/usds-margined-futures/";

    /** A USD-M-only endpoint on COIN-M: say so, and name the USD-M page that documents it. */
    private void requireUsdm(String what, String usdmPage) {
        if (!e.usdm()) {
            throw new UnsupportedOperationException(what + " is USD-M only: Binance's COIN-M docs document no such "
                    + "endpoint (USD-M page: " + USDM_DOCS + usdmPage + ")");
        }
    }
}
