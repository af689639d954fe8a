package dev.relaykit.binance.futures;

import dev.relaykit.binance.futures.model.BinanceResult;
import dev.relaykit.binance.futures.model.CommissionRate;
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
}
