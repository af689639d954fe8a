package dev.relaykit.binance;

import dev.relaykit.binance.internal.Params;
import dev.relaykit.binance.model.ConvertExpiry;
import dev.relaykit.binance.model.ConvertWalletType;
import dev.relaykit.binance.model.OrderSide;
import java.math.BigDecimal;

/**
 * A Binance Convert limit order. The price is {@code quoteAsset} per {@code baseAsset} (which asset is
 * the base: {@code fromIsBase} in {@link Convert#pairs}); exactly one of {@code baseAmount} and
 * {@code quoteAmount} is set.
 *
 * <pre>{@code
 * ConvertLimitOrder buy = ConvertLimitOrder.ofBase("BTC", "USDT", OrderSide.BUY, new BigDecimal("50000"),
 *         new BigDecimal("0.001"), ConvertExpiry.SEVEN_DAYS);
 * }</pre>
 *
 * @param baseAsset the base asset
 * @param quoteAsset the quote asset
 * @param side buy or sell the base asset
 * @param limitPrice the limit price, positive
 * @param baseAmount the base amount, or {@code null}
 * @param quoteAmount the quote amount, or {@code null}
 * @param expiredType how long the order stays open
 * @param walletType the wallets to draw on, or {@code null} for Binance's default (spot)
 */
public record ConvertLimitOrder(String baseAsset, String quoteAsset, OrderSide side, BigDecimal limitPrice,
        BigDecimal baseAmount, BigDecimal quoteAmount, ConvertExpiry expiredType, ConvertWalletType walletType) {

    /**
     * Checks the order.
     *
     * @throws IllegalArgumentException if an asset, the side or the expiry is missing, the side is unknown,
     *     the price is not positive, or not exactly one positive amount is set
     */
    public ConvertLimitOrder {
        Params.nonBlank("baseAsset", baseAsset);
        Params.nonBlank("quoteAsset", quoteAsset);
        if (baseAsset.equals(quoteAsset)) {
            throw new IllegalArgumentException("baseAsset and quoteAsset must differ, both were " + baseAsset);
        }
        if (side == null || side == OrderSide.UNKNOWN) {
            throw new IllegalArgumentException("side is required (BUY or SELL)");
        }
        Params.positive("limitPrice", limitPrice);
        Params.exactlyOne("baseAmount", baseAmount, "quoteAmount", quoteAmount);
        Params.positiveOrNull("baseAmount", baseAmount);
        Params.positiveOrNull("quoteAmount", quoteAmount);
        if (expiredType == null) {
            throw new IllegalArgumentException("expiredType is required");
        }
    }

    /**
     * An order for an amount of the base asset.
     *
     * @param baseAsset the base asset
     * @param quoteAsset the quote asset
     * @param side buy or sell the base asset
     * @param limitPrice the limit price
     * @param baseAmount the base amount
     * @param expiredType how long it stays open
     * @return the order (spot wallet)
     */
    public static ConvertLimitOrder ofBase(String baseAsset, String quoteAsset, OrderSide side, BigDecimal limitPrice,
            BigDecimal baseAmount, ConvertExpiry expiredType) {
        return new ConvertLimitOrder(baseAsset, quoteAsset, side, limitPrice, baseAmount, null, expiredType, null);
    }

    /**
     * An order for an amount of the quote asset.
     *
     * @param baseAsset the base asset
     * @param quoteAsset the quote asset
     * @param side buy or sell the base asset
     * @param limitPrice the limit price
     * @param quoteAmount the quote amount
     * @param expiredType how long it stays open
     * @return the order (spot wallet)
     */
    public static ConvertLimitOrder ofQuote(String baseAsset, String quoteAsset, OrderSide side, BigDecimal limitPrice,
            BigDecimal quoteAmount, ConvertExpiry expiredType) {
        return new ConvertLimitOrder(baseAsset, quoteAsset, side, limitPrice, null, quoteAmount, expiredType, null);
    }

    /**
     * @param walletType the wallets to draw on
     * @return a copy with the wallet type
     */
    public ConvertLimitOrder walletType(ConvertWalletType walletType) {
        return new ConvertLimitOrder(baseAsset, quoteAsset, side, limitPrice, baseAmount, quoteAmount, expiredType,
                walletType);
    }
}
