package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A futures contract type (Binance's {@code contractType}, "Common Definition" of each product).
 *
 * <pre>{@code
 * ContractType t = ContractType.parse("perpetual");   // PERPETUAL
 * }</pre>
 */
public enum ContractType {
    /** Perpetual. */
    PERPETUAL,
    /** Delivery this month (USD-M). */
    CURRENT_MONTH,
    /** Delivery next month (USD-M). */
    NEXT_MONTH,
    /** Delivery this quarter. */
    CURRENT_QUARTER,
    /** Delivery next quarter. */
    NEXT_QUARTER,
    /** A perpetual being delivered (only seen with status DELIVERING). */
    PERPETUAL_DELIVERING,
    /** A current-quarter contract being delivered (COIN-M, only seen with status DELIVERING). */
    CURRENT_QUARTER_DELIVERING,
    /** A next-quarter contract being delivered (COIN-M, only seen with status DELIVERING). */
    NEXT_QUARTER_DELIVERING,
    /** A TradFi perpetual (USD-M). */
    TRADIFI_PERPETUAL,
    /** Every contract type of a pair: a value of COIN-M's statistics requests (open interest, taker volume). */
    ALL,
    /** A value this version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN;

    /**
     * @param text a contract type as Binance writes it (any case)
     * @return the contract type
     * @throws IllegalArgumentException naming the valid types if the text is none of them
     */
    public static ContractType parse(String text) {
        if (text != null) {
            for (ContractType t : values()) {
                if (t != UNKNOWN && t.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                    return t;
                }
            }
        }
        throw new IllegalArgumentException("unknown contract type '" + text + "'; valid: "
                + Arrays.stream(values()).filter(t -> t != UNKNOWN).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
