package dev.relaykit.binance.futures.model;


/**
 * The answer to cancelling a conditional order ({@code DELETE /fapi/v1/algoOrder}).
 *
 * @param algoId the algo order id
 * @param clientAlgoId its client id
 * @param code Binance's code ({@code "200"})
 * @param msg Binance's message
 */
public record AlgoCancel(
        long algoId,
        String clientAlgoId,
        String code,
        String msg) {
}
