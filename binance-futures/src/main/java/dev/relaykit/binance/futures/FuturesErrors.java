package dev.relaykit.binance.futures;

import dev.relaykit.binance.BinanceApiException;
import dev.relaykit.core.ApiException;
import dev.relaykit.core.RelayKitException;
import dev.relaykit.core.rest.ErrorParser;
import java.time.Instant;

/** Binance futures' REST error answers ({@code {"code":-1125,"msg":".."}}) as {@link BinanceApiException}. */
final class FuturesErrors {
    private FuturesErrors() {
    }

    static RelayKitException parse(String service, int status, String body, Instant retryAt) {
        RelayKitException e = ErrorParser.standard().parse(service, status, body, retryAt);
        if (e instanceof ApiException api && api.code() != null) {
            try {
                return new BinanceApiException(status, Integer.parseInt(api.code()), api.serviceMessage());
            } catch (NumberFormatException notNumeric) {
                return e;
            }
        }
        return e;
    }
}
