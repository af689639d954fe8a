package dev.relaykit.samples.binance;

import dev.relaykit.binance.BinanceEnvironment;
import dev.relaykit.binance.BinanceKey;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the Binance samples run, from environment variables:
 * <ul>
 *   <li>{@code BINANCE_ENV}: {@code offline} (default: the testkit fakes on 127.0.0.1, no network),
 *       {@code testnet}, {@code production}, {@code us}, or {@code custom} with {@code BINANCE_REST_URL} and
 *       {@code BINANCE_STREAM_URL} (and optionally {@code BINANCE_WS_API_URL}): a proxy, a mirror, a fake;</li>
 *   <li>{@code BINANCE_API_KEY} with {@code BINANCE_SECRET_KEY} (HMAC) or
 *       {@code BINANCE_PRIVATE_KEY_FILE} (an Ed25519 PEM file).</li>
 * </ul>
 */
final class SampleEnv {
    private SampleEnv() {
    }

    /** @return the environment named by BINANCE_ENV, or {@code null} for offline */
    static BinanceEnvironment environment() {
        String env = System.getenv().getOrDefault("BINANCE_ENV", "offline").toLowerCase(Locale.ROOT);
        return switch (env) {
            case "offline" -> null;
            case "testnet" -> BinanceEnvironment.TESTNET;
            case "production" -> BinanceEnvironment.PRODUCTION;
            case "us" -> BinanceEnvironment.US;
            case "custom" -> new BinanceEnvironment("custom", required("BINANCE_REST_URL"), required("BINANCE_STREAM_URL"),
                    System.getenv().getOrDefault("BINANCE_WS_API_URL", "ws://127.0.0.1:1/ws-api/v3"));
            default -> throw new IllegalArgumentException("BINANCE_ENV must be offline, testnet, production, us or custom,"
                    + " was " + env);
        };
    }

    private static String required(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("BINANCE_ENV=custom needs " + name);
        }
        return v;
    }

    /** @return the key from the environment variables; fails with what is missing */
    static BinanceKey key() {
        return key("BINANCE_ENV");
    }

    /**
     * @param envVariable the variable that picks the environment, named in the error (the futures sample has its own)
     * @return the key from the environment variables; fails with what is missing
     */
    static BinanceKey key(String envVariable) {
        String apiKey = System.getenv("BINANCE_API_KEY");
        String secret = System.getenv("BINANCE_SECRET_KEY");
        String pemFile = System.getenv("BINANCE_PRIVATE_KEY_FILE");
        if (apiKey == null || (secret == null && pemFile == null)) {
            throw new IllegalArgumentException("set BINANCE_API_KEY and BINANCE_SECRET_KEY (or BINANCE_PRIVATE_KEY_FILE) "
                    + "to run against Binance, or " + envVariable + "=offline");
        }
        return secret != null ? BinanceKey.hmac(apiKey, secret) : BinanceKey.ed25519(apiKey, Path.of(pemFile));
    }
}
