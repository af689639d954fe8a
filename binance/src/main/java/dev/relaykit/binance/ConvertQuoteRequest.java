package dev.relaykit.binance;

import dev.relaykit.binance.internal.Params;
import dev.relaykit.binance.model.ConvertQuoteValidity;
import dev.relaykit.binance.model.ConvertWalletType;
import java.math.BigDecimal;

/**
 * What to quote in Binance Convert: spend an exact amount of one asset, or receive an exact amount of
 * another. Exactly one of {@code fromAmount} and {@code toAmount} is set, and it is positive.
 *
 * <pre>{@code
 * ConvertQuoteRequest spend = ConvertQuoteRequest.spend("USDT", "BTC", new BigDecimal("100"));
 * ConvertQuoteRequest get = ConvertQuoteRequest.receive("USDT", "BTC", new BigDecimal("0.001"))
 *         .walletType(ConvertWalletType.SPOT_FUNDING).validTime(ConvertQuoteValidity.THIRTY_SECONDS);
 * }</pre>
 *
 * @param fromAsset the asset spent
 * @param toAsset the asset received
 * @param fromAmount the exact amount to spend, or {@code null}
 * @param toAmount the exact amount to receive, or {@code null}
 * @param walletType the wallets to draw on, or {@code null} for Binance's default (spot)
 * @param validTime how long the quote stays valid, or {@code null} for Binance's default (10 s)
 */
public record ConvertQuoteRequest(String fromAsset, String toAsset, BigDecimal fromAmount, BigDecimal toAmount,
        ConvertWalletType walletType, ConvertQuoteValidity validTime) {

    /**
     * Checks the request.
     *
     * @throws IllegalArgumentException if an asset is missing, the assets are the same, not exactly one
     *     amount is set, or the amount is not positive
     */
    public ConvertQuoteRequest {
        Params.nonBlank("fromAsset", fromAsset);
        Params.nonBlank("toAsset", toAsset);
        if (fromAsset.equals(toAsset)) {
            throw new IllegalArgumentException("fromAsset and toAsset must differ, both were " + fromAsset);
        }
        Params.exactlyOne("fromAmount", fromAmount, "toAmount", toAmount);
        Params.positiveOrNull("fromAmount", fromAmount);
        Params.positiveOrNull("toAmount", toAmount);
    }

    /**
     * Spend exactly {@code fromAmount} of {@code fromAsset}.
     *
     * @param fromAsset the asset spent
     * @param toAsset the asset received
     * @param fromAmount the amount to spend, positive
     * @return the request
     */
    public static ConvertQuoteRequest spend(String fromAsset, String toAsset, BigDecimal fromAmount) {
        return new ConvertQuoteRequest(fromAsset, toAsset, fromAmount, null, null, null);
    }

    /**
     * Receive exactly {@code toAmount} of {@code toAsset}.
     *
     * @param fromAsset the asset spent
     * @param toAsset the asset received
     * @param toAmount the amount to receive, positive
     * @return the request
     */
    public static ConvertQuoteRequest receive(String fromAsset, String toAsset, BigDecimal toAmount) {
        return new ConvertQuoteRequest(fromAsset, toAsset, null, toAmount, null, null);
    }

    /**
     * @param walletType the wallets to draw on
     * @return a copy with the wallet type
     */
    public ConvertQuoteRequest walletType(ConvertWalletType walletType) {
        return new ConvertQuoteRequest(fromAsset, toAsset, fromAmount, toAmount, walletType, validTime);
    }

    /**
     * @param validTime how long the quote stays valid
     * @return a copy with the validity
     */
    public ConvertQuoteRequest validTime(ConvertQuoteValidity validTime) {
        return new ConvertQuoteRequest(fromAsset, toAsset, fromAmount, toAmount, walletType, validTime);
    }
}
