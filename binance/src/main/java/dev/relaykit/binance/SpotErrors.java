package dev.relaykit.binance;

import dev.relaykit.binance.internal.BinanceErrors;
import dev.relaykit.core.RelayKitException;
import dev.relaykit.core.rest.ErrorParser;
import java.time.Instant;

/** Binance spot's REST error answers as exceptions: the {@link ErrorParser} {@link BinanceSpot} builds its context with. */
final class SpotErrors {
    private SpotErrors() {
    }

    /** Binance's error shape into {@link BinanceApiException}; a cancel-replace failure into {@link CancelReplaceException}. */
    static RelayKitException parse(String service, int status, String body, Instant retryAt) {
        RelayKitException e = BinanceErrors.parse(service, status, body, retryAt);
        if (e instanceof BinanceApiException b) {
            CancelReplaceException cancelReplace = CancelReplaceException.from(status, b.binanceCode(),
                    b.serviceMessage(), body);
            if (cancelReplace != null) {
                return cancelReplace;
            }
        }
        return e;
    }
}
