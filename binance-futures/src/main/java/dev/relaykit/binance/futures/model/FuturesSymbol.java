package dev.relaykit.binance.futures.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.relaykit.binance.model.InstantMillis;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One contract of futures exchange information. USD-M reports {@code status}, COIN-M {@code contractStatus} and {@code contractSize}; {@link #tradingStatus()} reads either.
 *
 * @param symbol the contract symbol ({@code BTCUSDT}, {@code BTCUSDT_251226}, {@code BTCUSD_PERP})
 * @param pair the underlying pair
 * @param contractType perpetual or a delivery type
 * @param deliveryDate delivery time (far future for perpetuals)
 * @param onboardDate listing time
 * @param status USD-M: {@code TRADING}, {@code SETTLING}, ... ({@code null} on COIN-M)
 * @param contractStatus COIN-M: the same states ({@code null} on USD-M)
 * @param contractSize COIN-M: the contract's value in the quote asset ({@code null} on USD-M)
 * @param maintMarginPercent maintenance margin percent (ignore; see leverage brackets)
 * @param requiredMarginPercent required margin percent (ignore)
 * @param baseAsset base asset
 * @param quoteAsset quote asset
 * @param marginAsset margin asset
 * @param pricePrecision price precision (not the tick size: use the price filter)
 * @param quantityPrecision quantity precision (not the step: use the lot size filter)
 * @param baseAssetPrecision base asset precision
 * @param quotePrecision quote precision
 * @param equalQtyPrecision COIN-M: equal-quantity precision
 * @param underlyingType underlying type, e.g. {@code COIN}
 * @param underlyingSubType underlying sub-types
 * @param triggerProtect threshold of the price-protection trigger
 * @param liquidationFee liquidation fee rate
 * @param marketTakeBound the most a market order may deviate from the mark price
 * @param filters the trading rules
 * @param orderTypes order types allowed
 * @param timeInForce time-in-force values allowed
 */
public record FuturesSymbol(
        String symbol,
        String pair,
        ContractType contractType,
        @JsonDeserialize(using = InstantMillis.class) Instant deliveryDate,
        @JsonDeserialize(using = InstantMillis.class) Instant onboardDate,
        String status,
        String contractStatus,
        Integer contractSize,
        BigDecimal maintMarginPercent,
        BigDecimal requiredMarginPercent,
        String baseAsset,
        String quoteAsset,
        String marginAsset,
        Integer pricePrecision,
        Integer quantityPrecision,
        Integer baseAssetPrecision,
        Integer quotePrecision,
        Integer equalQtyPrecision,
        String underlyingType,
        List<String> underlyingSubType,
        BigDecimal triggerProtect,
        BigDecimal liquidationFee,
        BigDecimal marketTakeBound,
        List<FuturesFilter> filters,
        List<FuturesOrderType> orderTypes,
        List<FuturesTimeInForce> timeInForce) {

    /** @return {@link #status()} on USD-M, {@link #contractStatus()} on COIN-M */
    public String tradingStatus() {
        return status != null ? status : contractStatus;
    }

    /**
     * @param type a filter record type, e.g. {@code FuturesFilter.PriceFilter.class}
     * @param <F> the filter type
     * @return the symbol's filter of that type, if it has one
     */
    public <F extends FuturesFilter> java.util.Optional<F> filter(Class<F> type) {
        return filters == null ? java.util.Optional.empty()
                : filters.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
