package dev.relaykit.binance.futures.stream;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.relaykit.binance.futures.model.ContractType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A contract's listing, settlement or bracket change, from {@code !contractInfo} ("Contract Info Stream", USD-M and
 * COIN-M, real time, on {@code /market}). {@code brackets} is empty unless the brackets changed.
 *
 * <pre>{@code
 * futuresStreams.subscribe(FuturesStream.contractInfo(), c -> System.out.println(c.symbol() + " is " + c.status()));
 * }</pre>
 *
 * @param eventTime {@code E}
 * @param symbol {@code s}
 * @param pair {@code ps}
 * @param contractType {@code ct} ({@link ContractType#UNKNOWN} for a kind this version does not know)
 * @param deliveryTime {@code dt}
 * @param onboardTime {@code ot}
 * @param status {@code cs}, e.g. {@code TRADING}, {@code SETTLING}
 * @param brackets {@code bks}, only when the brackets changed (else empty)
 */
public record ContractInfoEvent(
        @JsonProperty("E") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant eventTime,
        @JsonProperty("s") String symbol,
        @JsonProperty("ps") String pair,
        @JsonProperty("ct") ContractType contractType,
        @JsonProperty("dt") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant deliveryTime,
        @JsonProperty("ot") @JsonFormat(without = JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS) Instant onboardTime,
        @JsonProperty("cs") String status,
        @JsonProperty("bks") List<Bracket> brackets) {

    /** @return the brackets, never {@code null} */
    @Override
    public List<Bracket> brackets() {
        return brackets == null ? List.of() : brackets;
    }

    /**
     * One notional bracket.
     *
     * @param bracket {@code bs}, its number from 1
     * @param notionalFloor {@code bnf}
     * @param notionalCap {@code bnc}
     * @param maintenanceMarginRatio {@code mmr}
     * @param cumulativeAmount {@code cf}, the auxiliary number for quick calculation
     * @param minLeverage {@code mi}
     * @param maxLeverage {@code ma}
     */
    public record Bracket(
            @JsonProperty("bs") int bracket,
            @JsonProperty("bnf") BigDecimal notionalFloor,
            @JsonProperty("bnc") BigDecimal notionalCap,
            @JsonProperty("mmr") BigDecimal maintenanceMarginRatio,
            @JsonProperty("cf") BigDecimal cumulativeAmount,
            @JsonProperty("mi") int minLeverage,
            @JsonProperty("ma") int maxLeverage) {
    }
}
