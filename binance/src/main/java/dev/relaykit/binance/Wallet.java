package dev.relaykit.binance;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.internal.BinanceContext;
import dev.relaykit.binance.internal.Call;
import dev.relaykit.binance.internal.Params;
import dev.relaykit.binance.model.ApiKeyPermission;
import dev.relaykit.binance.model.ApiTradingStatus;
import dev.relaykit.binance.model.AssetDetail;
import dev.relaykit.binance.model.CoinInfo;
import dev.relaykit.binance.model.DepositAddress;
import dev.relaykit.binance.model.DepositRecord;
import dev.relaykit.binance.model.DividendRecords;
import dev.relaykit.binance.model.DustAccountType;
import dev.relaykit.binance.model.DustLog;
import dev.relaykit.binance.model.DustTransferResult;
import dev.relaykit.binance.model.SpotSnapshot;
import dev.relaykit.binance.model.SystemStatus;
import dev.relaykit.binance.model.TradeFee;
import dev.relaykit.binance.model.UniversalTransferHistory;
import dev.relaykit.binance.model.UniversalTransferType;
import dev.relaykit.binance.model.WalletBalance;
import dev.relaykit.binance.model.WithdrawRecord;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.rest.RestRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Wallet endpoints ({@code /sapi}): coins and networks, deposits and withdrawals, snapshots, dust,
 * dividends, fees, universal transfers, funding wallet, account and API-key status. Get it from
 * {@link BinanceSpot#wallet()}.
 *
 * <pre>{@code
 * Wallet w = binance.wallet();
 * if (w.systemStatus().normal()) {
 *     DepositAddress a = w.depositAddress("USDT", "TRX");
 *     List<DepositRecord> recent = w.depositHistory("USDT", null, null, null, null, null, null);
 *     long tranId = w.universalTransfer(UniversalTransferType.MAIN_FUNDING, "USDT", new BigDecimal("25"), null, null);
 * }
 * }</pre>
 *
 * <p><b>Money-moving calls are never retried.</b> {@link #withdraw}, {@link #dustTransfer},
 * {@link #universalTransfer} and the fast-withdraw switches are POSTs that change the account; each is sent
 * exactly once. After a timeout or 5xx the outcome is unknown: check the withdraw history (by your
 * {@code withdrawOrderId}), the dust log or the transfer history before trying again. Read-only calls,
 * including the two read-only POSTs ({@link #fundingWallet}, {@link #userAssets}), may be retried by the
 * client's retry policy.
 *
 * <p><b>Weights.</b> Each call charges its documented IP weight against the client's weight budget.
 * Endpoints Binance limits per account (UID weight: withdraw 900, withdraw history 18000, universal
 * transfer 900, dust transfer 10) charge 1 locally; Binance enforces the UID budget itself (-1003 / 429).
 *
 * <p>Every call has an {@code ...Async} form. Arguments that can be checked locally (required values,
 * positive amounts, ranges and Binance's documented time windows and page sizes) throw
 * {@link IllegalArgumentException} before anything is sent, in both forms. Binance's refusals are
 * {@link BinanceApiException}.
 */
public final class Wallet {
    private static final JavaType ASSET_DETAILS = Json.mapper().getTypeFactory()
            .constructMapType(LinkedHashMap.class, String.class, AssetDetail.class);

    private final BinanceContext context;

    Wallet(BinanceContext context) {
        this.context = context;
    }

    private static RestRequest.Builder signed(String method, String path, int weight) {
        return RestRequest.builder(method, path).signed().weight(weight);
    }

    private static <T> Function<JsonNode, T> field(String name, Class<T> type) {
        Function<JsonNode, T> inner = Call.as(type);
        return node -> inner.apply(node.path(name));
    }

    // ------------------------------------------------------------------ status

    /**
     * {@code GET /sapi/v1/system/status} (weight 1, public).
     *
     * @return normal or under maintenance
     */
    public SystemStatus systemStatus() {
        return context.send(statusCall());
    }

    /**
     * Async form of {@link #systemStatus()}.
     *
     * @return completes with the status
     */
    public CompletableFuture<SystemStatus> systemStatusAsync() {
        return context.sendAsync(statusCall());
    }

    private static Call<SystemStatus> statusCall() {
        return Call.query(RestRequest.get("/sapi/v1/system/status").weight(1).build(), Call.as(SystemStatus.class));
    }

    /**
     * The account's status: {@code GET /sapi/v1/account/status} (weight 1).
     *
     * @return Binance's text, {@code "Normal"} for an account in good standing
     */
    public String accountStatus() {
        return context.send(accountStatusCall());
    }

    /**
     * Async form of {@link #accountStatus()}.
     *
     * @return completes with the status text
     */
    public CompletableFuture<String> accountStatusAsync() {
        return context.sendAsync(accountStatusCall());
    }

    private static Call<String> accountStatusCall() {
        return Call.query(signed("GET", "/sapi/v1/account/status", 1).build(), n -> n.path("data").asText(null));
    }

    /**
     * Whether API trading is locked for this key: {@code GET /sapi/v1/account/apiTradingStatus} (weight 1).
     *
     * @return the status and its trigger thresholds
     */
    public ApiTradingStatus apiTradingStatus() {
        return context.send(apiTradingStatusCall());
    }

    /**
     * Async form of {@link #apiTradingStatus()}.
     *
     * @return completes with the status
     */
    public CompletableFuture<ApiTradingStatus> apiTradingStatusAsync() {
        return context.sendAsync(apiTradingStatusCall());
    }

    private static Call<ApiTradingStatus> apiTradingStatusCall() {
        return Call.query(signed("GET", "/sapi/v1/account/apiTradingStatus", 1).build(),
                field("data", ApiTradingStatus.class));
    }

    /**
     * What this API key may do: {@code GET /sapi/v1/account/apiRestrictions} (weight 1).
     *
     * @return the key's permissions
     */
    public ApiKeyPermission apiKeyPermission() {
        return context.send(apiKeyPermissionCall());
    }

    /**
     * Async form of {@link #apiKeyPermission()}.
     *
     * @return completes with the permissions
     */
    public CompletableFuture<ApiKeyPermission> apiKeyPermissionAsync() {
        return context.sendAsync(apiKeyPermissionCall());
    }

    private static Call<ApiKeyPermission> apiKeyPermissionCall() {
        return Call.query(signed("GET", "/sapi/v1/account/apiRestrictions", 1).build(),
                Call.as(ApiKeyPermission.class));
    }

    // ------------------------------------------------------------------ coins and snapshots

    /**
     * Every coin the account can deposit or withdraw, with balances and networks:
     * {@code GET /sapi/v1/capital/config/getall} (weight 10).
     *
     * @return the coins
     */
    public List<CoinInfo> allCoins() {
        return context.send(allCoinsCall());
    }

    /**
     * Async form of {@link #allCoins()}.
     *
     * @return completes with the coins
     */
    public CompletableFuture<List<CoinInfo>> allCoinsAsync() {
        return context.sendAsync(allCoinsCall());
    }

    private static Call<List<CoinInfo>> allCoinsCall() {
        return Call.query(signed("GET", "/sapi/v1/capital/config/getall", 10).build(), Call.listOf(CoinInfo.class));
    }

    /**
     * Daily snapshots of the spot account: {@code GET /sapi/v1/accountSnapshot?type=SPOT} (weight 2400).
     * Binance keeps the last month only; without times it returns the last 7 days.
     *
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null}; at most 30 days after {@code startTime}
     * @param limit how many days, 7 to 30 (Binance's default 7), or {@code null}
     * @return the snapshots
     * @throws BinanceApiException if Binance answers with a {@code code} other than 200
     */
    public List<SpotSnapshot> spotSnapshots(Instant startTime, Instant endTime, Integer limit) {
        return context.send(snapshotCall(startTime, endTime, limit));
    }

    /**
     * Async form of {@link #spotSnapshots(Instant, Instant, Integer)}.
     *
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null}
     * @param limit 7 to 30, or {@code null}
     * @return completes with the snapshots
     */
    public CompletableFuture<List<SpotSnapshot>> spotSnapshotsAsync(Instant startTime, Instant endTime, Integer limit) {
        return context.sendAsync(snapshotCall(startTime, endTime, limit));
    }

    private static Call<List<SpotSnapshot>> snapshotCall(Instant startTime, Instant endTime, Integer limit) {
        Params.window(startTime, endTime, Duration.ofDays(30), "30 days");
        RestRequest request = signed("GET", "/sapi/v1/accountSnapshot", 2400)
                .param("type", "SPOT")
                .param("startTime", Params.millis(startTime))
                .param("endTime", Params.millis(endTime))
                .param("limit", Params.between("limit", limit, 7, 30))
                .build();
        Function<JsonNode, List<SpotSnapshot>> list = Call.listOf(SpotSnapshot.class);
        return Call.query(request, node -> {
            int code = node.path("code").asInt(200);
            if (code != 200) {
                throw new BinanceApiException(200, code, node.path("msg").asText(""));
            }
            return list.apply(node.path("snapshotVos"));
        });
    }

    // ------------------------------------------------------------------ deposits and withdrawals

    /**
     * {@code GET /sapi/v1/capital/deposit/address} (weight 10).
     *
     * @param coin the coin, e.g. {@code USDT}
     * @param network the network, e.g. {@code TRX}, or {@code null} for the coin's default network
     * @return the address
     */
    public DepositAddress depositAddress(String coin, String network) {
        return context.send(addressCall(coin, network));
    }

    /**
     * Async form of {@link #depositAddress(String, String)}.
     *
     * @param coin the coin
     * @param network the network, or {@code null}
     * @return completes with the address
     */
    public CompletableFuture<DepositAddress> depositAddressAsync(String coin, String network) {
        return context.sendAsync(addressCall(coin, network));
    }

    private static Call<DepositAddress> addressCall(String coin, String network) {
        return Call.query(signed("GET", "/sapi/v1/capital/deposit/address", 10)
                .param("coin", Params.nonBlank("coin", coin)).param("network", network).build(),
                Call.as(DepositAddress.class));
    }

    /**
     * Deposit history: {@code GET /sapi/v1/capital/deposit/hisrec} (weight 1). Without times Binance
     * covers the last 90 days; a window may span at most 90 days.
     *
     * @param coin the coin, or {@code null} for all
     * @param status Binance's status number (see {@link DepositRecord.Status}), or {@code null}
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null}
     * @param offset records to skip, at least 0, or {@code null}
     * @param limit 1 to 1000 (Binance's default 1000), or {@code null}
     * @param txId a chain transaction id to look up, or {@code null}
     * @return the deposits
     */
    public List<DepositRecord> depositHistory(String coin, Integer status, Instant startTime, Instant endTime,
            Integer offset, Integer limit, String txId) {
        return context.send(depositHistoryCall(coin, status, startTime, endTime, offset, limit, txId));
    }

    /**
     * Async form of {@link #depositHistory(String, Integer, Instant, Instant, Integer, Integer, String)}.
     *
     * @param coin the coin, or {@code null}
     * @param status the status number, or {@code null}
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null}
     * @param offset records to skip, or {@code null}
     * @param limit 1 to 1000, or {@code null}
     * @param txId a transaction id, or {@code null}
     * @return completes with the deposits
     */
    public CompletableFuture<List<DepositRecord>> depositHistoryAsync(String coin, Integer status, Instant startTime,
            Instant endTime, Integer offset, Integer limit, String txId) {
        return context.sendAsync(depositHistoryCall(coin, status, startTime, endTime, offset, limit, txId));
    }

    private static Call<List<DepositRecord>> depositHistoryCall(String coin, Integer status, Instant startTime,
            Instant endTime, Integer offset, Integer limit, String txId) {
        Params.window(startTime, endTime, Duration.ofDays(90), "90 days");
        RestRequest request = signed("GET", "/sapi/v1/capital/deposit/hisrec", 1)
                .param("coin", coin)
                .param("status", status)
                .param("startTime", Params.millis(startTime))
                .param("endTime", Params.millis(endTime))
                .param("offset", Params.between("offset", offset, 0, Integer.MAX_VALUE))
                .param("limit", Params.limit(limit, 1000))
                .param("txId", txId)
                .build();
        return Call.query(request, Call.listOf(DepositRecord.class));
    }

    /**
     * Withdraws: {@code POST /sapi/v1/capital/withdraw/apply} (UID weight 900; never retried).
     *
     * @param coin the coin
     * @param network the network, or {@code null} for the coin's default
     * @param address the destination address
     * @param addressTag the memo/tag the destination needs, or {@code null}
     * @param amount the amount, positive
     * @param withdrawOrderId your id for the withdrawal (lets you find it in the history), or {@code null}
     * @return Binance's withdrawal id
     */
    public String withdraw(String coin, String network, String address, String addressTag, BigDecimal amount,
            String withdrawOrderId) {
        return context.send(withdrawCall(coin, network, address, addressTag, amount, withdrawOrderId));
    }

    /**
     * Async form of {@link #withdraw(String, String, String, String, BigDecimal, String)}.
     *
     * @param coin the coin
     * @param network the network, or {@code null}
     * @param address the address
     * @param addressTag the tag, or {@code null}
     * @param amount the amount
     * @param withdrawOrderId your id, or {@code null}
     * @return completes with Binance's withdrawal id
     */
    public CompletableFuture<String> withdrawAsync(String coin, String network, String address, String addressTag,
            BigDecimal amount, String withdrawOrderId) {
        return context.sendAsync(withdrawCall(coin, network, address, addressTag, amount, withdrawOrderId));
    }

    private static Call<String> withdrawCall(String coin, String network, String address, String addressTag,
            BigDecimal amount, String withdrawOrderId) {
        RestRequest request = signed("POST", "/sapi/v1/capital/withdraw/apply", 1)
                .idempotent(false)
                .param("coin", Params.nonBlank("coin", coin))
                .param("withdrawOrderId", withdrawOrderId)
                .param("network", network)
                .param("address", Params.nonBlank("address", address))
                .param("addressTag", addressTag)
                .param("amount", Params.positive("amount", amount))
                .build();
        return Call.query(request, (JsonNode n) -> n.path("id").asText(null));
    }

    /**
     * Withdrawal history: {@code GET /sapi/v1/capital/withdraw/history} (UID weight 18000, at most 10
     * requests per second). Without times Binance covers the last 90 days (7 days when
     * {@code withdrawOrderId} is given); a window may span at most 90 days, or 7 days with a
     * {@code withdrawOrderId}.
     *
     * @param coin the coin, or {@code null} for all
     * @param withdrawOrderId your id for a withdrawal, or {@code null}
     * @param status Binance's status number (see {@link WithdrawRecord.Status}), or {@code null}
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null}
     * @param offset records to skip, at least 0, or {@code null}
     * @param limit 1 to 1000 (Binance's default 1000), or {@code null}
     * @param idList withdrawal ids as {@code withdraw} returned them, at most 45, or {@code null}
     * @return the withdrawals
     */
    public List<WithdrawRecord> withdrawHistory(String coin, String withdrawOrderId, Integer status, Instant startTime,
            Instant endTime, Integer offset, Integer limit, List<String> idList) {
        return context.send(withdrawHistoryCall(coin, withdrawOrderId, status, startTime, endTime, offset, limit, idList));
    }

    /**
     * Async form of {@link #withdrawHistory(String, String, Integer, Instant, Instant, Integer, Integer, List)}.
     *
     * @param coin the coin, or {@code null}
     * @param withdrawOrderId your id, or {@code null}
     * @param status the status number, or {@code null}
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null}
     * @param offset records to skip, or {@code null}
     * @param limit 1 to 1000, or {@code null}
     * @param idList withdrawal ids, or {@code null}
     * @return completes with the withdrawals
     */
    public CompletableFuture<List<WithdrawRecord>> withdrawHistoryAsync(String coin, String withdrawOrderId,
            Integer status, Instant startTime, Instant endTime, Integer offset, Integer limit, List<String> idList) {
        return context.sendAsync(withdrawHistoryCall(coin, withdrawOrderId, status, startTime, endTime, offset, limit, idList));
    }

    private static Call<List<WithdrawRecord>> withdrawHistoryCall(String coin, String withdrawOrderId, Integer status,
            Instant startTime, Instant endTime, Integer offset, Integer limit, List<String> idList) {
        if (withdrawOrderId != null) {
            Params.window(startTime, endTime, Duration.ofDays(7), "7 days (with withdrawOrderId)");
        } else {
            Params.window(startTime, endTime, Duration.ofDays(90), "90 days");
        }
        RestRequest request = signed("GET", "/sapi/v1/capital/withdraw/history", 1)
                .param("coin", coin)
                .param("withdrawOrderId", withdrawOrderId)
                .param("status", status)
                .param("offset", Params.between("offset", offset, 0, Integer.MAX_VALUE))
                .param("limit", Params.limit(limit, 1000))
                .param("idList", joined("idList", idList, 45))
                .param("startTime", Params.millis(startTime))
                .param("endTime", Params.millis(endTime))
                .build();
        return Call.query(request, Call.listOf(WithdrawRecord.class));
    }

    /** Joins non-blank values with commas ({@code null} for a null list); at most {@code max} values. */
    private static String joined(String name, List<String> values, int max) {
        if (values == null) {
            return null;
        }
        if (values.isEmpty() || values.size() > max) {
            throw new IllegalArgumentException(name + " must have 1 to " + max + " entries, had " + values.size());
        }
        for (String v : values) {
            Params.nonBlank(name + " entry", v);
        }
        return String.join(",", values);
    }

    /**
     * Turns the fast-withdraw switch off: {@code POST /sapi/v1/account/disableFastWithdrawSwitch} (weight 1;
     * never retried). Needs a key with trading enabled.
     */
    public void disableFastWithdraw() {
        context.send(fastWithdrawCall(false));
    }

    /**
     * Async form of {@link #disableFastWithdraw()}.
     *
     * @return completes when Binance has answered
     */
    public CompletableFuture<Void> disableFastWithdrawAsync() {
        return context.sendAsync(fastWithdrawCall(false));
    }

    /**
     * Turns the fast-withdraw switch on: {@code POST /sapi/v1/account/enableFastWithdrawSwitch} (weight 1;
     * never retried). With it on, withdrawals to Binance addresses are internal transfers: instant,
     * no chain transaction and no fee.
     */
    public void enableFastWithdraw() {
        context.send(fastWithdrawCall(true));
    }

    /**
     * Async form of {@link #enableFastWithdraw()}.
     *
     * @return completes when Binance has answered
     */
    public CompletableFuture<Void> enableFastWithdrawAsync() {
        return context.sendAsync(fastWithdrawCall(true));
    }

    private static Call<Void> fastWithdrawCall(boolean enable) {
        String path = enable ? "/sapi/v1/account/enableFastWithdrawSwitch" : "/sapi/v1/account/disableFastWithdrawSwitch";
        return Call.query(signed("POST", path, 1).idempotent(false).build(), n -> null);
    }

    // ------------------------------------------------------------------ dust, dividends, fees

    /**
     * Past dust conversions: {@code GET /sapi/v1/asset/dribblet} (weight 1). Binance returns the last
     * 100, from 2020-12-01 on.
     *
     * @param accountType spot (Binance's default) or margin, or {@code null}
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null}
     * @return the conversions
     */
    public DustLog dustLog(DustAccountType accountType, Instant startTime, Instant endTime) {
        return context.send(dustLogCall(accountType, startTime, endTime));
    }

    /**
     * Async form of {@link #dustLog(DustAccountType, Instant, Instant)}.
     *
     * @param accountType spot or margin, or {@code null}
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null}
     * @return completes with the conversions
     */
    public CompletableFuture<DustLog> dustLogAsync(DustAccountType accountType, Instant startTime, Instant endTime) {
        return context.sendAsync(dustLogCall(accountType, startTime, endTime));
    }

    private static Call<DustLog> dustLogCall(DustAccountType accountType, Instant startTime, Instant endTime) {
        Params.range(startTime, endTime);
        return Call.query(signed("GET", "/sapi/v1/asset/dribblet", 1)
                .param("accountType", accountType)
                .param("startTime", Params.millis(startTime))
                .param("endTime", Params.millis(endTime))
                .build(), Call.as(DustLog.class));
    }

    /**
     * Converts small balances to BNB: {@code POST /sapi/v1/asset/dust} (UID weight 10; never retried).
     * Needs a key with spot and margin trading enabled.
     *
     * @param assets the assets to convert, at least one
     * @param accountType spot (Binance's default) or margin, or {@code null}
     * @return what was converted
     */
    public DustTransferResult dustTransfer(List<String> assets, DustAccountType accountType) {
        return context.send(dustTransferCall(assets, accountType));
    }

    /**
     * Async form of {@link #dustTransfer(List, DustAccountType)}.
     *
     * @param assets the assets to convert
     * @param accountType spot or margin, or {@code null}
     * @return completes with what was converted
     */
    public CompletableFuture<DustTransferResult> dustTransferAsync(List<String> assets, DustAccountType accountType) {
        return context.sendAsync(dustTransferCall(assets, accountType));
    }

    private static Call<DustTransferResult> dustTransferCall(List<String> assets, DustAccountType accountType) {
        if (assets == null) {
            throw new IllegalArgumentException("assets is required");
        }
        return Call.query(signed("POST", "/sapi/v1/asset/dust", 1)
                .idempotent(false)
                .param("asset", joined("assets", assets, Integer.MAX_VALUE))
                .param("accountType", accountType)
                .build(), Call.as(DustTransferResult.class));
    }

    /**
     * Dividend and distribution records: {@code GET /sapi/v1/asset/assetDividend} (weight 10). A window
     * may span at most 180 days.
     *
     * @param asset the asset, or {@code null} for all
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null}
     * @param limit 1 to 500 (Binance's default 20), or {@code null}
     * @return the records
     */
    public DividendRecords assetDividends(String asset, Instant startTime, Instant endTime, Integer limit) {
        return context.send(dividendCall(asset, startTime, endTime, limit));
    }

    /**
     * Async form of {@link #assetDividends(String, Instant, Instant, Integer)}.
     *
     * @param asset the asset, or {@code null}
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null}
     * @param limit 1 to 500, or {@code null}
     * @return completes with the records
     */
    public CompletableFuture<DividendRecords> assetDividendsAsync(String asset, Instant startTime, Instant endTime,
            Integer limit) {
        return context.sendAsync(dividendCall(asset, startTime, endTime, limit));
    }

    private static Call<DividendRecords> dividendCall(String asset, Instant startTime, Instant endTime, Integer limit) {
        Params.window(startTime, endTime, Duration.ofDays(180), "180 days");
        return Call.query(signed("GET", "/sapi/v1/asset/assetDividend", 10)
                .param("asset", asset)
                .param("startTime", Params.millis(startTime))
                .param("endTime", Params.millis(endTime))
                .param("limit", Params.limit(limit, 500))
                .build(), Call.as(DividendRecords.class));
    }

    /**
     * Deposit and withdrawal settings per asset: {@code GET /sapi/v1/asset/assetDetail} (weight 1).
     *
     * @param asset one asset, or {@code null} for all
     * @return the settings by asset, in Binance's order
     */
    public Map<String, AssetDetail> assetDetail(String asset) {
        return context.send(assetDetailCall(asset));
    }

    /**
     * Async form of {@link #assetDetail(String)}.
     *
     * @param asset one asset, or {@code null}
     * @return completes with the settings by asset
     */
    public CompletableFuture<Map<String, AssetDetail>> assetDetailAsync(String asset) {
        return context.sendAsync(assetDetailCall(asset));
    }

    private static Call<Map<String, AssetDetail>> assetDetailCall(String asset) {
        return Call.query(signed("GET", "/sapi/v1/asset/assetDetail", 1).param("asset", asset).build(),
                node -> Json.read(node, ASSET_DETAILS));
    }

    /**
     * The account's trading fees: {@code GET /sapi/v1/asset/tradeFee} (weight 1).
     *
     * @param symbol one symbol, or {@code null} for all
     * @return the fees
     */
    public List<TradeFee> tradeFees(String symbol) {
        return context.send(tradeFeeCall(symbol));
    }

    /**
     * Async form of {@link #tradeFees(String)}.
     *
     * @param symbol one symbol, or {@code null}
     * @return completes with the fees
     */
    public CompletableFuture<List<TradeFee>> tradeFeesAsync(String symbol) {
        return context.sendAsync(tradeFeeCall(symbol));
    }

    private static Call<List<TradeFee>> tradeFeeCall(String symbol) {
        return Call.query(signed("GET", "/sapi/v1/asset/tradeFee", 1).param("symbol", symbol).build(),
                Call.listOf(TradeFee.class));
    }

    // ------------------------------------------------------------------ transfers and balances

    /**
     * Moves funds between the account's wallets: {@code POST /sapi/v1/asset/transfer} (UID weight 900;
     * never retried). Needs a key with "Permits Universal Transfer".
     *
     * @param type from where to where
     * @param asset the asset
     * @param amount the amount, positive
     * @param fromSymbol the isolated-margin symbol funds leave, required for
     *     {@code ISOLATEDMARGIN_MARGIN} and {@code ISOLATEDMARGIN_ISOLATEDMARGIN}, else {@code null}
     * @param toSymbol the isolated-margin symbol funds enter, required for
     *     {@code MARGIN_ISOLATEDMARGIN} and {@code ISOLATEDMARGIN_ISOLATEDMARGIN}, else {@code null}
     * @return the transfer id
     */
    public long universalTransfer(UniversalTransferType type, String asset, BigDecimal amount, String fromSymbol,
            String toSymbol) {
        return context.send(transferCall(type, asset, amount, fromSymbol, toSymbol));
    }

    /**
     * Async form of {@link #universalTransfer(UniversalTransferType, String, BigDecimal, String, String)}.
     *
     * @param type from where to where
     * @param asset the asset
     * @param amount the amount
     * @param fromSymbol the isolated-margin source symbol, or {@code null}
     * @param toSymbol the isolated-margin destination symbol, or {@code null}
     * @return completes with the transfer id
     */
    public CompletableFuture<Long> universalTransferAsync(UniversalTransferType type, String asset, BigDecimal amount,
            String fromSymbol, String toSymbol) {
        return context.sendAsync(transferCall(type, asset, amount, fromSymbol, toSymbol));
    }

    private static Call<Long> transferCall(UniversalTransferType type, String asset, BigDecimal amount,
            String fromSymbol, String toSymbol) {
        transferType(type, fromSymbol, toSymbol);
        RestRequest request = signed("POST", "/sapi/v1/asset/transfer", 1)
                .idempotent(false)
                .param("type", type)
                .param("asset", Params.nonBlank("asset", asset))
                .param("amount", Params.positive("amount", amount))
                .param("fromSymbol", fromSymbol)
                .param("toSymbol", toSymbol)
                .build();
        return Call.query(request, n -> {
            if (!n.path("tranId").canConvertToLong()) {
                throw new dev.relaykit.core.DecodeException("binance: transfer answer has no tranId");
            }
            return n.path("tranId").asLong();
        });
    }

    private static void transferType(UniversalTransferType type, String fromSymbol, String toSymbol) {
        if (type == null || type == UniversalTransferType.UNKNOWN) {
            throw new IllegalArgumentException("type is required (a known UniversalTransferType)");
        }
        if (type.needsFromSymbol()) {
            Params.nonBlank("fromSymbol (for " + type + ")", fromSymbol);
        }
        if (type.needsToSymbol()) {
            Params.nonBlank("toSymbol (for " + type + ")", toSymbol);
        }
    }

    /**
     * Universal transfer history: {@code GET /sapi/v1/asset/transfer} (weight 1). Binance keeps 6 months;
     * without times it returns the last 7 days.
     *
     * @param type the transfer type to list
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null}
     * @param current the page, from 1 (Binance's default 1), or {@code null}
     * @param size the page size, 1 to 100 (Binance's default 10), or {@code null}
     * @param fromSymbol the isolated-margin source symbol (required as for the transfer), or {@code null}
     * @param toSymbol the isolated-margin destination symbol (required as for the transfer), or {@code null}
     * @return a page of transfers
     */
    public UniversalTransferHistory universalTransferHistory(UniversalTransferType type, Instant startTime,
            Instant endTime, Integer current, Integer size, String fromSymbol, String toSymbol) {
        return context.send(transferHistoryCall(type, startTime, endTime, current, size, fromSymbol, toSymbol));
    }

    /**
     * Async form of
     * {@link #universalTransferHistory(UniversalTransferType, Instant, Instant, Integer, Integer, String, String)}.
     *
     * @param type the transfer type
     * @param startTime from, or {@code null}
     * @param endTime to, or {@code null}
     * @param current the page, or {@code null}
     * @param size the page size, or {@code null}
     * @param fromSymbol the source symbol, or {@code null}
     * @param toSymbol the destination symbol, or {@code null}
     * @return completes with a page of transfers
     */
    public CompletableFuture<UniversalTransferHistory> universalTransferHistoryAsync(UniversalTransferType type,
            Instant startTime, Instant endTime, Integer current, Integer size, String fromSymbol, String toSymbol) {
        return context.sendAsync(transferHistoryCall(type, startTime, endTime, current, size, fromSymbol, toSymbol));
    }

    private static Call<UniversalTransferHistory> transferHistoryCall(UniversalTransferType type, Instant startTime,
            Instant endTime, Integer current, Integer size, String fromSymbol, String toSymbol) {
        transferType(type, fromSymbol, toSymbol);
        Params.range(startTime, endTime);
        return Call.query(signed("GET", "/sapi/v1/asset/transfer", 1)
                .param("type", type)
                .param("startTime", Params.millis(startTime))
                .param("endTime", Params.millis(endTime))
                .param("current", Params.between("current", current, 1, Integer.MAX_VALUE))
                .param("size", Params.between("size", size, 1, 100))
                .param("fromSymbol", fromSymbol)
                .param("toSymbol", toSymbol)
                .build(), Call.as(UniversalTransferHistory.class));
    }

    /**
     * Funding wallet balances: {@code POST /sapi/v1/asset/get-funding-asset} (weight 1; read-only, so
     * it may be retried).
     *
     * @param asset one asset, or {@code null} for all
     * @param needBtcValuation whether Binance should value the balances in BTC
     * @return the balances
     */
    public List<WalletBalance> fundingWallet(String asset, boolean needBtcValuation) {
        return context.send(balancesCall("/sapi/v1/asset/get-funding-asset", 1, asset, needBtcValuation));
    }

    /**
     * Async form of {@link #fundingWallet(String, boolean)}.
     *
     * @param asset one asset, or {@code null}
     * @param needBtcValuation whether to value in BTC
     * @return completes with the balances
     */
    public CompletableFuture<List<WalletBalance>> fundingWalletAsync(String asset, boolean needBtcValuation) {
        return context.sendAsync(balancesCall("/sapi/v1/asset/get-funding-asset", 1, asset, needBtcValuation));
    }

    /**
     * The account's positive spot balances: {@code POST /sapi/v3/asset/getUserAsset} (weight 5; read-only,
     * so it may be retried).
     *
     * @param asset one asset, or {@code null} for all
     * @param needBtcValuation whether Binance should value the balances in BTC
     * @return the balances
     */
    public List<WalletBalance> userAssets(String asset, boolean needBtcValuation) {
        return context.send(balancesCall("/sapi/v3/asset/getUserAsset", 5, asset, needBtcValuation));
    }

    /**
     * Async form of {@link #userAssets(String, boolean)}.
     *
     * @param asset one asset, or {@code null}
     * @param needBtcValuation whether to value in BTC
     * @return completes with the balances
     */
    public CompletableFuture<List<WalletBalance>> userAssetsAsync(String asset, boolean needBtcValuation) {
        return context.sendAsync(balancesCall("/sapi/v3/asset/getUserAsset", 5, asset, needBtcValuation));
    }

    private static Call<List<WalletBalance>> balancesCall(String path, int weight, String asset,
            boolean needBtcValuation) {
        return Call.query(signed("POST", path, weight)
                .idempotent(true)
                .param("asset", asset)
                .param("needBtcValuation", needBtcValuation ? "true" : null)
                .build(), Call.listOf(WalletBalance.class));
    }
}
