package dev.relaykit.binance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.relaykit.binance.SentRequests.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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
import dev.relaykit.binance.model.TradeFee;
import dev.relaykit.binance.model.UniversalTransfer;
import dev.relaykit.binance.model.UniversalTransferHistory;
import dev.relaykit.binance.model.UniversalTransferType;
import dev.relaykit.binance.model.WalletBalance;
import dev.relaykit.binance.model.WithdrawRecord;
import dev.relaykit.core.ApiException;
import dev.relaykit.core.rest.RetryPolicy;
import dev.relaykit.testkit.FakeBinance;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The typed wallet endpoints against the fake Binance, which checks every signature as Binance does. */
class WalletTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private FakeBinance fake;
    private BinanceSpot binance;
    private Wallet wallet;

    @BeforeEach
    void start() {
        fake = FakeBinance.start().acceptHmacKey("wallet-key", "wallet-secret");
        binance = BinanceSpot.builder()
                .environment(BinanceEnvironment.custom(fake.restBaseUrl(), "ws://127.0.0.1:1", "ws://127.0.0.1:1"))
                .key(BinanceKey.hmac("wallet-key", "wallet-secret"))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ZERO))
                .build();
        wallet = binance.wallet();
    }

    @AfterEach
    void stop() {
        binance.close();
        fake.close();
    }

    /** The only request sent since the last reset: checks method, path and signature; returns its other parameters. */
    private Map<String, String> onlyRequest(String method, String path) {
        Map<String, String> params = SentRequests.signedQuery(fake, SentRequests.only(fake), method, path, "wallet-key");
        fake.rest().wireMock().resetRequests();
        return params;
    }

    private void rejectedLocally(ThrowingCallable call, String message) {
        SentRequests.rejectedLocally(fake, call, message);
    }

    /** A POST that moves money: with Binance answering 503 it is sent once, in both forms, and fails. */
    private void sentOnceOn503(String path, ThrowingCallable sync, Runnable async) {
        fake.rest().wireMock().resetRequests();
        fake.rest().wireMock().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(sync).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(503));
        assertThat(fake.rest().requests()).hasSize(1);
        fake.rest().wireMock().resetRequests();
        assertThatThrownBy(async::run).isInstanceOf(CompletionException.class).hasCauseInstanceOf(ApiException.class);
        assertThat(fake.rest().requests()).hasSize(1);
        fake.rest().wireMock().resetRequests();
    }

    // ------------------------------------------------------------------ status

    @Test
    void statusAndDepositAddress() {
        assertThat(wallet.systemStatus().normal()).isTrue();
        DepositAddress a = wallet.depositAddressAsync("BTC", "BTC").join();
        assertThat(a.address()).isEqualTo("1HPn8Rx2y6nNSfagQBKy27GB99Vbzg89wv");
        assertThat(a.coin()).isEqualTo("BTC");
        assertThat(a.tag()).isEmpty();
        assertThat(a.url()).isEqualTo("https://btc.com/1HPn8Rx2y6nNSfagQBKy27GB99Vbzg89wv");
        List<LoggedRequest> sent = fake.rest().requests();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).getUrl()).isEqualTo("/sapi/v1/system/status");
        assertThat(sent.get(1).getUrl()).matches("/sapi/v1/capital/deposit/address\\?coin=BTC&network=BTC"
                + "&recvWindow=5000&timestamp=\\d+&signature=[0-9a-f]{64}");
        assertThat(fake.rejectedRequests()).isEmpty();
    }

    @Test
    void accountStatusTradingStatusAndKeyPermissions() {
        assertThat(wallet.accountStatus()).isEqualTo("Normal");
        assertThat(onlyRequest("GET", "/sapi/v1/account/status")).isEmpty();

        ApiTradingStatus s = wallet.apiTradingStatusAsync().join();
        assertThat(s.locked()).isFalse();
        assertThat(s.plannedRecoverTime()).isNull();
        assertThat(s.triggerCondition()).containsOnly(entry("GCR", 150), entry("IFER", 150), entry("UFR", 300));
        assertThat(s.updateTime()).isEqualTo(Instant.ofEpochMilli(1547630471725L));
        assertThat(onlyRequest("GET", "/sapi/v1/account/apiTradingStatus")).isEmpty();

        ApiKeyPermission p = wallet.apiKeyPermission();
        assertThat(p.ipRestrict()).isFalse();
        assertThat(p.createTime()).isEqualTo(Instant.ofEpochMilli(1698645219000L));
        assertThat(p.enablePortfolioMarginTrading()).isTrue();
        assertThat(p.enableReading()).isTrue();
        assertThat(p.enableWithdrawals()).isFalse();
        assertThat(p.enableSpotAndMarginTrading()).isFalse();
        assertThat(p.tradingAuthorityExpirationTime()).isNull();
        assertThat(onlyRequest("GET", "/sapi/v1/account/apiRestrictions")).isEmpty();
    }

    // ------------------------------------------------------------------ coins and snapshots

    @Test
    void allCoinsDecodesNetworks() {
        List<CoinInfo> coins = wallet.allCoins();
        assertThat(onlyRequest("GET", "/sapi/v1/capital/config/getall")).isEmpty();
        assertThat(coins).hasSize(1);
        CoinInfo c = coins.get(0);
        assertThat(c.coin()).isEqualTo("1MBABYDOGE");
        assertThat(c.free()).isEqualByComparingTo("34941.1");
        assertThat(c.legalMoney()).isFalse();
        assertThat(c.trading()).isTrue();
        assertThat(c.networkList()).extracting(CoinInfo.Network::network).containsExactly("BSC", "ETH");
        CoinInfo.Network eth = c.networkList().get(1);
        assertThat(eth.isDefault()).isTrue();
        assertThat(eth.withdrawFee()).isEqualByComparingTo("1511");
        assertThat(eth.withdrawMin()).isEqualByComparingTo("3022");
        assertThat(eth.withdrawIntegerMultiple()).isEqualByComparingTo("0.01");
        assertThat(eth.unLockConfirm()).isEqualTo(64);
        assertThat(eth.denomination()).isEqualTo(1_000_000L);
        assertThat(eth.addressRegex()).isEqualTo("^(0x)[0-9A-Fa-f]{40}$");
        assertThat(wallet.allCoinsAsync().join()).isEqualTo(coins);
    }

    @Test
    void spotSnapshotsSendTypeSpotAndCheckTheWindow() {
        List<SpotSnapshot> snaps = wallet.spotSnapshots(T0, T0.plus(Duration.ofDays(7)), 10);
        assertThat(onlyRequest("GET", "/sapi/v1/accountSnapshot")).containsExactly(entry("type", "SPOT"),
                entry("startTime", "1704067200000"), entry("endTime", "1704672000000"), entry("limit", "10"));
        assertThat(snaps).hasSize(1);
        SpotSnapshot s = snaps.get(0);
        assertThat(s.type()).isEqualTo("spot");
        assertThat(s.updateTime()).isEqualTo(Instant.ofEpochMilli(1576281599000L));
        assertThat(s.data().totalAssetOfBtc()).isEqualByComparingTo("0.09942700");
        assertThat(s.data().balances()).extracting(b -> b.asset()).containsExactly("BTC", "USDT");
        assertThat(s.data().balances().get(1).free()).isEqualByComparingTo("1.89109409");
        assertThat(wallet.spotSnapshotsAsync(null, null, null).join()).isEqualTo(snaps);
        assertThat(onlyRequest("GET", "/sapi/v1/accountSnapshot")).containsExactly(entry("type", "SPOT"));

        rejectedLocally(() -> wallet.spotSnapshots(T0, T0.plus(Duration.ofDays(31)), null), "more than 30 days");
        rejectedLocally(() -> wallet.spotSnapshots(T0, T0.minusSeconds(1), null), "before startTime");
        rejectedLocally(() -> wallet.spotSnapshots(null, null, 6), "limit must be between 7 and 30");
        rejectedLocally(() -> wallet.spotSnapshotsAsync(null, null, 31), "limit must be between 7 and 30");
    }

    @Test
    void aSnapshotWithAnErrorCodeIsAnApiError() {
        fake.rest().wireMock().stubFor(get(urlPathEqualTo("/sapi/v1/accountSnapshot"))
                .willReturn(aResponse().withStatus(200).withBody("{\"code\":-1,\"msg\":\"snapshot failed\",\"snapshotVos\":[]}")));
        assertThatThrownBy(() -> wallet.spotSnapshots(null, null, null))
                .isInstanceOfSatisfying(BinanceApiException.class, e -> assertThat(e.binanceCode()).isEqualTo(-1))
                .hasMessageContaining("snapshot failed");
    }

    // ------------------------------------------------------------------ deposits and withdrawals

    @Test
    void depositHistory() {
        List<DepositRecord> deposits = wallet.depositHistory("BNB", 1, T0, T0.plus(Duration.ofDays(90)), 0, 500, "98A3");
        assertThat(onlyRequest("GET", "/sapi/v1/capital/deposit/hisrec")).containsExactly(entry("coin", "BNB"),
                entry("status", "1"), entry("startTime", "1704067200000"), entry("endTime", "1711843200000"),
                entry("offset", "0"), entry("limit", "500"), entry("txId", "98A3"));
        assertThat(deposits).hasSize(2);
        DepositRecord d = deposits.get(0);
        assertThat(d.id()).isEqualTo("769800519366885376");
        assertThat(d.amount()).isEqualByComparingTo("0.001");
        assertThat(d.network()).isEqualTo("BNB");
        assertThat(d.depositStatus()).isEqualTo(DepositRecord.Status.SUCCESS);
        assertThat(d.addressTag()).isEqualTo("101764890");
        assertThat(d.insertTime()).isEqualTo(Instant.ofEpochMilli(1661493146000L));
        assertThat(d.confirmTimes()).isEqualTo("1/1");
        assertThat(d.walletType()).isZero();
        assertThat(deposits.get(1).amount()).isEqualByComparingTo("0.5");
        assertThat(DepositRecord.Status.of(42)).isEqualTo(DepositRecord.Status.UNKNOWN);

        assertThat(wallet.depositHistoryAsync(null, null, null, null, null, null, null).join()).isEqualTo(deposits);
        assertThat(onlyRequest("GET", "/sapi/v1/capital/deposit/hisrec")).isEmpty();

        rejectedLocally(() -> wallet.depositHistory(null, null, T0, T0.plus(Duration.ofDays(91)), null, null, null),
                "more than 90 days");
        rejectedLocally(() -> wallet.depositHistory(null, null, null, null, -1, null, null), "offset must be");
        rejectedLocally(() -> wallet.depositHistory(null, null, null, null, null, 1001, null), "limit must be between 1 and 1000");
    }

    @Test
    void withdrawIsSentOnceSignedAndNeverRetried() {
        String id = wallet.withdraw("USDT", "TRX", "TXYZ123", null, d("10.5"), "w-1");
        assertThat(id).isEqualTo("7213fea8e94b4a5593d507237e5a555b");
        LoggedRequest r = fake.rest().requests().get(0);
        assertThat(r.getMethod().getName()).isEqualTo("POST");
        assertThat(r.getUrl()).matches("/sapi/v1/capital/withdraw/apply\\?coin=USDT&withdrawOrderId=w-1&network=TRX"
                + "&address=TXYZ123&amount=10.5&recvWindow=5000&timestamp=\\d+&signature=[0-9a-f]{64}");
        assertThat(fake.rejectedRequests()).isEmpty();

        sentOnceOn503("/sapi/v1/capital/withdraw/apply",
                () -> wallet.withdraw("USDT", null, "TXYZ123", null, BigDecimal.ONE, null),
                () -> wallet.withdrawAsync("USDT", null, "TXYZ123", null, BigDecimal.ONE, null).join());

        rejectedLocally(() -> wallet.withdraw("USDT", null, "TXYZ123", null, BigDecimal.ZERO, null), "amount must be positive");
        rejectedLocally(() -> wallet.withdraw("USDT", null, "", null, BigDecimal.ONE, null), "address is required");
        rejectedLocally(() -> wallet.withdrawAsync(null, null, "TXYZ123", null, BigDecimal.ONE, null), "coin is required");
    }

    @Test
    void withdrawHistory() {
        List<WithdrawRecord> list = wallet.withdrawHistory("USDT", null, 6, T0, T0.plus(Duration.ofDays(30)), 0, 100,
                List.of("b6ae22b3aa844210a7041aee7589627c", "156ec387f49b41df8724fa744fa82719"));
        assertThat(onlyRequest("GET", "/sapi/v1/capital/withdraw/history")).containsExactly(entry("coin", "USDT"),
                entry("status", "6"), entry("offset", "0"), entry("limit", "100"),
                entry("idList", "b6ae22b3aa844210a7041aee7589627c,156ec387f49b41df8724fa744fa82719"),
                entry("startTime", "1704067200000"), entry("endTime", "1706659200000"));
        assertThat(list).hasSize(2);
        WithdrawRecord w = list.get(0);
        assertThat(w.id()).isEqualTo("b6ae22b3aa844210a7041aee7589627c");
        assertThat(w.amount()).isEqualByComparingTo("8.91");
        assertThat(w.transactionFee()).isEqualByComparingTo("0.004");
        assertThat(w.withdrawStatus()).isEqualTo(WithdrawRecord.Status.COMPLETED);
        assertThat(w.applyTime()).isEqualTo(Instant.parse("2019-10-12T11:12:02Z"));
        assertThat(w.completeTime()).isEqualTo(Instant.parse("2023-03-23T16:52:41Z"));
        assertThat(w.withdrawOrderId()).isEqualTo("WITHDRAWtest123");
        assertThat(w.confirmNo()).isEqualTo(3);
        assertThat(list.get(1).withdrawOrderId()).isNull();
        assertThat(list.get(1).network()).isEqualTo("BTC");

        assertThat(wallet.withdrawHistoryAsync(null, "w-1", null, null, null, null, null, null).join()).isEqualTo(list);
        assertThat(onlyRequest("GET", "/sapi/v1/capital/withdraw/history")).containsExactly(entry("withdrawOrderId", "w-1"));

        rejectedLocally(() -> wallet.withdrawHistory(null, "w-1", null, T0, T0.plus(Duration.ofDays(8)), null, null, null),
                "more than 7 days");
        rejectedLocally(() -> wallet.withdrawHistory(null, null, null, T0, T0.plus(Duration.ofDays(91)), null, null, null),
                "more than 90 days");
        rejectedLocally(() -> wallet.withdrawHistory(null, null, null, null, null, null, null,
                Collections.nCopies(46, "x")), "idList must have 1 to 45 entries");
        rejectedLocally(() -> wallet.withdrawHistory(null, null, null, null, null, null, 0, null), "limit must be");
    }

    @Test
    void fastWithdrawSwitchesArePostsSentOnce() {
        wallet.enableFastWithdraw();
        assertThat(onlyRequest("POST", "/sapi/v1/account/enableFastWithdrawSwitch")).isEmpty();
        wallet.disableFastWithdrawAsync().join();
        assertThat(onlyRequest("POST", "/sapi/v1/account/disableFastWithdrawSwitch")).isEmpty();
        sentOnceOn503("/sapi/v1/account/enableFastWithdrawSwitch", wallet::enableFastWithdraw,
                () -> wallet.enableFastWithdrawAsync().join());
    }

    // ------------------------------------------------------------------ dust, dividends, fees

    @Test
    void dustLog() {
        DustLog log = wallet.dustLog(DustAccountType.MARGIN, T0, T0.plusSeconds(60));
        assertThat(onlyRequest("GET", "/sapi/v1/asset/dribblet")).containsExactly(entry("accountType", "MARGIN"),
                entry("startTime", "1704067200000"), entry("endTime", "1704067260000"));
        assertThat(log.total()).isEqualTo(8);
        assertThat(log.userAssetDribblets()).hasSize(2);
        DustLog.Conversion c = log.userAssetDribblets().get(0);
        assertThat(c.transId()).isEqualTo(45178372831L);
        assertThat(c.operateTime()).isEqualTo(Instant.ofEpochMilli(1615985535000L));
        assertThat(c.totalTransferedAmount()).isEqualByComparingTo("0.00132256");
        assertThat(c.totalServiceChargeAmount()).isEqualByComparingTo("0.00002699");
        assertThat(c.userAssetDribbletDetails()).extracting(DustLog.Detail::fromAsset).containsExactly("USDT", "ETH");
        assertThat(c.userAssetDribbletDetails().get(1).transferedAmount()).isEqualByComparingTo("0.00088156");
        assertThat(c.userAssetDribbletDetails().get(1).targetAsset()).isEqualTo("BNB");
        assertThat(wallet.dustLogAsync(null, null, null).join()).isEqualTo(log);
        assertThat(onlyRequest("GET", "/sapi/v1/asset/dribblet")).isEmpty();
        rejectedLocally(() -> wallet.dustLog(null, T0, T0.minusSeconds(1)), "before startTime");
    }

    @Test
    void dustTransferIsAPostSentOnce() {
        DustTransferResult r = wallet.dustTransfer(List.of("ETH", "LTC", "TRX"), DustAccountType.SPOT);
        assertThat(onlyRequest("POST", "/sapi/v1/asset/dust")).containsExactly(entry("asset", "ETH,LTC,TRX"),
                entry("accountType", "SPOT"));
        assertThat(r.totalServiceCharge()).isEqualByComparingTo("0.02102542");
        assertThat(r.totalTransfered()).isEqualByComparingTo("1.05127099");
        assertThat(r.transferResult()).extracting(DustTransferResult.Item::fromAsset).containsExactly("ETH", "LTC", "TRX");
        DustTransferResult.Item trx = r.transferResult().get(2);
        assertThat(trx.amount()).isEqualByComparingTo("248.61878453");
        assertThat(trx.tranId()).isEqualTo(2970932918L);
        assertThat(trx.operateTime()).isEqualTo(Instant.ofEpochMilli(1563368549489L));

        sentOnceOn503("/sapi/v1/asset/dust", () -> wallet.dustTransfer(List.of("ETH"), null),
                () -> wallet.dustTransferAsync(List.of("ETH"), null).join());

        rejectedLocally(() -> wallet.dustTransfer(List.of(), null), "assets must have 1");
        rejectedLocally(() -> wallet.dustTransfer(null, null), "assets is required");
        rejectedLocally(() -> wallet.dustTransferAsync(List.of("ETH", " "), null), "assets entry is required");
    }

    @Test
    void assetDividends() {
        DividendRecords r = wallet.assetDividends("BHFT", T0, T0.plus(Duration.ofDays(180)), 500);
        assertThat(onlyRequest("GET", "/sapi/v1/asset/assetDividend")).containsExactly(entry("asset", "BHFT"),
                entry("startTime", "1704067200000"), entry("endTime", "1719619200000"), entry("limit", "500"));
        assertThat(r.total()).isEqualTo(2);
        assertThat(r.rows()).hasSize(2);
        DividendRecords.Dividend first = r.rows().get(0);
        assertThat(first.id()).isEqualTo(1637366104L);
        assertThat(first.amount()).isEqualByComparingTo("10");
        assertThat(first.divTime()).isEqualTo(Instant.ofEpochMilli(1563189166000L));
        assertThat(first.enInfo()).isEqualTo("BHFT distribution");
        assertThat(first.tranId()).isEqualTo(2968885920L);
        assertThat(first.direction()).isEqualTo(1);
        assertThat(wallet.assetDividendsAsync(null, null, null, null).join()).isEqualTo(r);
        assertThat(onlyRequest("GET", "/sapi/v1/asset/assetDividend")).isEmpty();
        rejectedLocally(() -> wallet.assetDividends(null, T0, T0.plus(Duration.ofDays(181)), null), "more than 180 days");
        rejectedLocally(() -> wallet.assetDividends(null, null, null, 501), "limit must be between 1 and 500");
    }

    @Test
    void assetDetailAndTradeFees() {
        Map<String, AssetDetail> details = wallet.assetDetail("CTR");
        assertThat(onlyRequest("GET", "/sapi/v1/asset/assetDetail")).containsExactly(entry("asset", "CTR"));
        assertThat(details).containsOnlyKeys("CTR", "SKY");
        AssetDetail ctr = details.get("CTR");
        assertThat(ctr.minWithdrawAmount()).isEqualByComparingTo("70");
        assertThat(ctr.depositStatus()).isFalse();
        assertThat(ctr.withdrawFee()).isEqualByComparingTo("35");
        assertThat(ctr.withdrawStatus()).isTrue();
        assertThat(ctr.depositTip()).isEqualTo("Delisted, Deposit Suspended");
        assertThat(details.get("SKY").withdrawFee()).isEqualByComparingTo("0.01");
        assertThat(details.get("SKY").depositTip()).isNull();
        assertThat(wallet.assetDetailAsync(null).join()).isEqualTo(details);
        assertThat(onlyRequest("GET", "/sapi/v1/asset/assetDetail")).isEmpty();

        List<TradeFee> fees = wallet.tradeFees("ADABNB");
        assertThat(onlyRequest("GET", "/sapi/v1/asset/tradeFee")).containsExactly(entry("symbol", "ADABNB"));
        assertThat(fees).extracting(TradeFee::symbol).containsExactly("ADABNB", "BNBBTC");
        assertThat(fees.get(0).makerCommission()).isEqualByComparingTo("0.001");
        assertThat(fees.get(0).takerCommission()).isEqualByComparingTo("0.001");
        assertThat(wallet.tradeFeesAsync(null).join()).isEqualTo(fees);
        assertThat(onlyRequest("GET", "/sapi/v1/asset/tradeFee")).isEmpty();
    }

    // ------------------------------------------------------------------ transfers and balances

    @Test
    void universalTransferIsAPostSentOnce() {
        long tranId = wallet.universalTransfer(UniversalTransferType.MAIN_FUNDING, "USDT", d("25.5"), null, null);
        assertThat(tranId).isEqualTo(13526853623L);
        assertThat(onlyRequest("POST", "/sapi/v1/asset/transfer")).containsExactly(entry("type", "MAIN_FUNDING"),
                entry("asset", "USDT"), entry("amount", "25.5"));
        assertThat(wallet.universalTransferAsync(UniversalTransferType.ISOLATEDMARGIN_ISOLATEDMARGIN, "USDT", d("1"),
                "BTCUSDT", "ETHUSDT").join()).isEqualTo(13526853623L);
        assertThat(onlyRequest("POST", "/sapi/v1/asset/transfer")).containsExactly(
                entry("type", "ISOLATEDMARGIN_ISOLATEDMARGIN"), entry("asset", "USDT"), entry("amount", "1"),
                entry("fromSymbol", "BTCUSDT"), entry("toSymbol", "ETHUSDT"));

        sentOnceOn503("/sapi/v1/asset/transfer",
                () -> wallet.universalTransfer(UniversalTransferType.MAIN_UMFUTURE, "USDT", d("1"), null, null),
                () -> wallet.universalTransferAsync(UniversalTransferType.MAIN_UMFUTURE, "USDT", d("1"), null, null).join());

        rejectedLocally(() -> wallet.universalTransfer(null, "USDT", d("1"), null, null), "type is required");
        rejectedLocally(() -> wallet.universalTransfer(UniversalTransferType.UNKNOWN, "USDT", d("1"), null, null),
                "type is required");
        rejectedLocally(() -> wallet.universalTransfer(UniversalTransferType.MAIN_FUNDING, "USDT", d("-1"), null, null),
                "amount must be positive");
        rejectedLocally(() -> wallet.universalTransfer(UniversalTransferType.MAIN_FUNDING, " ", d("1"), null, null),
                "asset is required");
        rejectedLocally(() -> wallet.universalTransferAsync(UniversalTransferType.ISOLATEDMARGIN_MARGIN, "USDT", d("1"),
                null, null), "fromSymbol (for ISOLATEDMARGIN_MARGIN) is required");
        rejectedLocally(() -> wallet.universalTransfer(UniversalTransferType.MARGIN_ISOLATEDMARGIN, "USDT", d("1"),
                null, null), "toSymbol (for MARGIN_ISOLATEDMARGIN) is required");
    }

    @Test
    void universalTransferHistory() {
        UniversalTransferHistory h = wallet.universalTransferHistory(UniversalTransferType.MAIN_UMFUTURE, T0,
                T0.plusSeconds(3600), 2, 100, null, null);
        assertThat(onlyRequest("GET", "/sapi/v1/asset/transfer")).containsExactly(entry("type", "MAIN_UMFUTURE"),
                entry("startTime", "1704067200000"), entry("endTime", "1704070800000"), entry("current", "2"),
                entry("size", "100"));
        assertThat(h.total()).isEqualTo(2);
        assertThat(h.rows()).extracting(UniversalTransfer::tranId).containsExactly(11415955596L, 11366865406L);
        UniversalTransfer t = h.rows().get(0);
        assertThat(t.asset()).isEqualTo("USDT");
        assertThat(t.amount()).isEqualByComparingTo("1");
        assertThat(t.type()).isEqualTo(UniversalTransferType.MAIN_UMFUTURE);
        assertThat(t.status()).isEqualTo(UniversalTransfer.Status.CONFIRMED);
        assertThat(t.timestamp()).isEqualTo(Instant.ofEpochMilli(1544433328000L));
        assertThat(wallet.universalTransferHistoryAsync(UniversalTransferType.MAIN_UMFUTURE, null, null, null, null,
                null, null).join()).isEqualTo(h);
        assertThat(onlyRequest("GET", "/sapi/v1/asset/transfer")).containsExactly(entry("type", "MAIN_UMFUTURE"));

        rejectedLocally(() -> wallet.universalTransferHistory(null, null, null, null, null, null, null), "type is required");
        rejectedLocally(() -> wallet.universalTransferHistory(UniversalTransferType.MAIN_UMFUTURE, null, null, null, 101,
                null, null), "size must be between 1 and 100");
        rejectedLocally(() -> wallet.universalTransferHistory(UniversalTransferType.MAIN_UMFUTURE, null, null, 0, null,
                null, null), "current must be");
    }

    @Test
    void fundingWalletAndUserAssetsAreReadOnlyPosts() {
        List<WalletBalance> funding = wallet.fundingWallet("USDT", true);
        assertThat(onlyRequest("POST", "/sapi/v1/asset/get-funding-asset")).containsExactly(entry("asset", "USDT"),
                entry("needBtcValuation", "true"));
        assertThat(funding).hasSize(1);
        assertThat(funding.get(0).asset()).isEqualTo("USDT");
        assertThat(funding.get(0).free()).isEqualByComparingTo("1");
        assertThat(funding.get(0).btcValuation()).isEqualByComparingTo("0.00000091");
        assertThat(funding.get(0).ipoable()).isNull();

        List<WalletBalance> assets = wallet.userAssetsAsync(null, false).join();
        assertThat(onlyRequest("POST", "/sapi/v3/asset/getUserAsset")).isEmpty();
        assertThat(assets).hasSize(7);
        WalletBalance bnb = assets.get(2);
        assertThat(bnb.asset()).isEqualTo("BNB");
        assertThat(bnb.free()).isEqualByComparingTo("887.47061626");
        assertThat(bnb.freeze()).isEqualByComparingTo("10.52");
        assertThat(bnb.withdrawing()).isEqualByComparingTo("0.1");
        assertThat(assets.get(5).free()).isEqualByComparingTo("1250.44911105");

        // read-only: a 503 is retried by the client's policy (3 attempts here)
        fake.rest().wireMock().stubFor(post(urlPathEqualTo("/sapi/v3/asset/getUserAsset"))
                .willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> wallet.userAssets(null, false)).isInstanceOf(ApiException.class);
        assertThat(fake.rest().requests()).hasSize(3);
    }
}
