package dev.relaykit.binance;

import dev.relaykit.core.ApiException;
import dev.relaykit.core.RelayKitException;
import dev.relaykit.core.rest.ErrorParser;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Binance spot's REST error answers as exceptions: the {@link ErrorParser} {@link BinanceSpot} builds its context with. */
final class SpotErrors {
    private static final Pattern BANNED_UNTIL = Pattern.compile("banned until (\\d{10,16})");

    private SpotErrors() {
    }

    /** Binance's error shape ({@code {"code":-1121,"msg":"Invalid symbol."}}) into {@link BinanceApiException}. */
    static RelayKitException parse(String service, int status, String body, Instant retryAt) {
        if (retryAt == null && status == 418 && body != null) {
            // without Retry-After, the ban's end is in the message: "IP banned until 1499827319559."
            Matcher m = BANNED_UNTIL.matcher(body);
            if (m.find()) {
                retryAt = Instant.ofEpochMilli(Long.parseLong(m.group(1)));
            }
        }
        RelayKitException e = ErrorParser.standard().parse(service, status, body, retryAt);
        if (e instanceof ApiException api && api.code() != null) {
            try {
                CancelReplaceException cancelReplace = CancelReplaceException.from(status,
                        Integer.parseInt(api.code()), api.serviceMessage(), body);
                if (cancelReplace != null) {
                    return cancelReplace;
                }
                return new BinanceApiException(status, Integer.parseInt(api.code()), api.serviceMessage());
            } catch (NumberFormatException notNumeric) {
                return e;
            }
        }
        return e;
    }
}
