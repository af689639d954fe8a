package dev.relaykit.binance.futures;

import dev.relaykit.binance.internal.BinanceContext;
import dev.relaykit.binance.internal.Call;
import dev.relaykit.core.rest.RestRequest;
import java.util.concurrent.CompletableFuture;

/**
 * What the endpoint groups share: the context, the product's path prefix and the symbol rules. Groups depend on
 * this, never on the facade that made them.
 */
final class Endpoints {
    final BinanceContext context;
    final FuturesProduct product;
    final ContractRules rules;

    Endpoints(BinanceContext context, FuturesProduct product, ContractRules rules) {
        this.context = context;
        this.product = product;
        this.rules = rules;
    }

    boolean usdm() {
        return product == FuturesProduct.USD_M;
    }

    /** @return e.g. {@code /fapi/v1/depth} or {@code /dapi/v1/depth} */
    String path(String versionAndName) {
        return product.restPrefix() + versionAndName;
    }

    RestRequest.Builder get(String versionAndName) {
        return RestRequest.get(path(versionAndName));
    }

    <T> T send(Call<T> call) {
        return context.send(call);
    }

    <T> CompletableFuture<T> sendAsync(java.util.function.Supplier<Call<T>> call) {
        // local checks throw while the call is built: the async form fails its future instead of throwing
        try {
            return context.sendAsync(call.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
