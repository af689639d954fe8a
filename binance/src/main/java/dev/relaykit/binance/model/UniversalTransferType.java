package dev.relaykit.binance.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Where a universal transfer ({@code POST /sapi/v1/asset/transfer}) moves funds from and to. MAIN is the
 * spot wallet, UMFUTURE USDⓈ-M futures, CMFUTURE COIN-M futures, MARGIN cross margin, ISOLATEDMARGIN
 * isolated margin, FUNDING the funding wallet.
 */
public enum UniversalTransferType {
    /** Spot to USDⓈ-M futures. */
    MAIN_UMFUTURE,
    /** Spot to COIN-M futures. */
    MAIN_CMFUTURE,
    /** Spot to cross margin. */
    MAIN_MARGIN,
    /** USDⓈ-M futures to spot. */
    UMFUTURE_MAIN,
    /** USDⓈ-M futures to cross margin. */
    UMFUTURE_MARGIN,
    /** COIN-M futures to spot. */
    CMFUTURE_MAIN,
    /** COIN-M futures to cross margin. */
    CMFUTURE_MARGIN,
    /** Cross margin to spot. */
    MARGIN_MAIN,
    /** Cross margin to USDⓈ-M futures. */
    MARGIN_UMFUTURE,
    /** Cross margin to COIN-M futures. */
    MARGIN_CMFUTURE,
    /** Isolated margin to cross margin (needs {@code fromSymbol}). */
    ISOLATEDMARGIN_MARGIN,
    /** Cross margin to isolated margin (needs {@code toSymbol}). */
    MARGIN_ISOLATEDMARGIN,
    /** Isolated margin to isolated margin (needs {@code fromSymbol} and {@code toSymbol}). */
    ISOLATEDMARGIN_ISOLATEDMARGIN,
    /** Spot to funding. */
    MAIN_FUNDING,
    /** Funding to spot. */
    FUNDING_MAIN,
    /** Funding to USDⓈ-M futures. */
    FUNDING_UMFUTURE,
    /** USDⓈ-M futures to funding. */
    UMFUTURE_FUNDING,
    /** Cross margin to funding. */
    MARGIN_FUNDING,
    /** A type this version does not know (Binance added one); never valid in a request. */
    @JsonEnumDefaultValue
    UNKNOWN;

    /** @return whether Binance requires {@code fromSymbol} (an isolated-margin source) */
    public boolean needsFromSymbol() {
        return this == ISOLATEDMARGIN_MARGIN || this == ISOLATEDMARGIN_ISOLATEDMARGIN;
    }

    /** @return whether Binance requires {@code toSymbol} (an isolated-margin destination) */
    public boolean needsToSymbol() {
        return this == MARGIN_ISOLATEDMARGIN || this == ISOLATEDMARGIN_ISOLATEDMARGIN;
    }
}
