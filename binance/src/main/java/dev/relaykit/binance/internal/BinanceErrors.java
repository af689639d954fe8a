package dev.relaykit.binance.internal;

import dev.relaykit.binance.BinanceApiException;
import dev.relaykit.core.ApiException;
import dev.relaykit.core.RelayKitException;
import dev.relaykit.core.rest.ErrorParser;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not API: Binance's REST error answers as exceptions, the part spot and futures share. It may change in
 * any release; do not use it from outside RelayKit.
 *
 * <p>Binance's error shape ({@code {"code":-1121,"msg":"Invalid symbol."}}) becomes a
 * {@link BinanceApiException}; a 418 without {@code Retry-After} takes the ban's end from the message
 * ("IP banned until 1499827319559."). Spot and futures document the same shape and the same 418/429 rules.
 */
public final class BinanceErrors {
    private static final Pattern BANNED_UNTIL = Pattern.compile("banned until (\\d{10,16})");

    private BinanceErrors() {
    }

    /**
     * An {@link ErrorParser} for a Binance context.
     *
     * @param service the service name errors carry
     * @param status the HTTP status
     * @param body the answer's body, or {@code null}
     * @param retryAt when the server said to retry ({@code Retry-After}), or {@code null}
     * @return a {@link BinanceApiException} for Binance's error shape, else what {@link ErrorParser#standard()} makes
     */
    public static RelayKitException parse(String service, int status, String body, Instant retryAt) {
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
                return new BinanceApiException(status, Integer.parseInt(api.code()), api.serviceMessage());
            } catch (NumberFormatException notNumeric) {
                return e;
            }
        }
        return e;
    }
}
