package dev.relaykit.binance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.Remote.Call;
import dev.relaykit.binance.model.DepositAddress;
import dev.relaykit.binance.model.SystemStatus;
import dev.relaykit.core.rest.RestRequest;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;

/**
 * Wallet endpoints ({@code /sapi/v1}). Get it from {@link BinanceSpot#wallet()}.
 *
 * <pre>{@code
 * if (binance.wallet().systemStatus().normal()) {
 *     DepositAddress a = binance.wallet().depositAddress("USDT", "TRX");
 * }
 * }</pre>
 *
 * <p>Typed so far: system status, deposit address, withdraw. The other wallet endpoints (coin
 * information, snapshots, deposit and withdraw history, transfers, dust, dividends, fees, funding
 * wallet, API key permissions) are reachable through {@link BinanceSpot#call(RestRequest)} with
 * {@code RestRequest.get("/sapi/v1/...").signed()}.
 *
 * <p>A withdrawal moves money out of the account: it is sent exactly once and never retried; after a
 * timeout or 5xx check the withdraw history (by your {@code withdrawOrderId}) before trying again.
 */
public final class Wallet {
    private final Remote remote;

    Wallet(BinanceSpot spot) {
        this.remote = new Remote(spot);
    }

    /**
     * {@code GET /sapi/v1/system/status} (weight 1, public).
     *
     * @return normal or under maintenance
     */
    public SystemStatus systemStatus() {
        return remote.sync(statusCall());
    }

    /**
     * Async form of {@link #systemStatus()}.
     *
     * @return completes with the status
     */
    public CompletableFuture<SystemStatus> systemStatusAsync() {
        return remote.async(statusCall());
    }

    private static Call<SystemStatus> statusCall() {
        return Remote.query(RestRequest.get("/sapi/v1/system/status").weight(1).build(), Remote.as(SystemStatus.class));
    }

    /**
     * {@code GET /sapi/v1/capital/deposit/address} (weight 10).
     *
     * @param coin the coin, e.g. {@code USDT}
     * @param network the network, e.g. {@code TRX}, or {@code null} for the coin's default network
     * @return the address
     */
    public DepositAddress depositAddress(String coin, String network) {
        return remote.sync(addressCall(coin, network));
    }

    /**
     * Async form of {@link #depositAddress(String, String)}.
     *
     * @param coin the coin
     * @param network the network, or {@code null}
     * @return completes with the address
     */
    public CompletableFuture<DepositAddress> depositAddressAsync(String coin, String network) {
        return remote.async(addressCall(coin, network));
    }

    private static Call<DepositAddress> addressCall(String coin, String network) {
        return Remote.query(RestRequest.get("/sapi/v1/capital/deposit/address").signed().weight(10)
                .param("coin", Remote.nonBlank("coin", coin)).param("network", network).build(),
                Remote.as(DepositAddress.class));
    }

    /**
     * Withdraws: {@code POST /sapi/v1/capital/withdraw/apply} (weight 900 per UID; never retried).
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
        return remote.sync(withdrawCall(coin, network, address, addressTag, amount, withdrawOrderId));
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
        return remote.async(withdrawCall(coin, network, address, addressTag, amount, withdrawOrderId));
    }

    private static Call<String> withdrawCall(String coin, String network, String address, String addressTag,
            BigDecimal amount, String withdrawOrderId) {
        RestRequest request = RestRequest.post("/sapi/v1/capital/withdraw/apply").signed().weight(1)
                .idempotent(false)
                .param("coin", Remote.nonBlank("coin", coin))
                .param("withdrawOrderId", withdrawOrderId)
                .param("network", network)
                .param("address", Remote.nonBlank("address", address))
                .param("addressTag", addressTag)
                .param("amount", Remote.positive("amount", amount))
                .build();
        return Remote.query(request, (JsonNode n) -> n.path("id").asText(null));
    }
}
