package dev.relaykit.binance.model;

import java.math.BigDecimal;

/**
 * Deposit and withdrawal settings of one asset ({@code GET /sapi/v1/asset/assetDetail}, keyed by asset).
 * Per-network details are in {@link CoinInfo.Network}.
 *
 * @param minWithdrawAmount the smallest withdrawal
 * @param depositStatus whether deposits are open
 * @param withdrawFee the withdrawal fee
 * @param withdrawStatus whether withdrawals are open
 * @param depositTip why deposits are suspended, {@code null} when they are not
 */
public record AssetDetail(BigDecimal minWithdrawAmount, boolean depositStatus, BigDecimal withdrawFee,
        boolean withdrawStatus, String depositTip) {
}
