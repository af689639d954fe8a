package dev.relaykit.binance.model;

/** Which wallets a conversion draws on (Binance's default is {@link #SPOT}). */
public enum ConvertWalletType {
    /** The spot wallet. */
    SPOT,
    /** The funding wallet. */
    FUNDING,
    /** Earn. */
    EARN,
    /** Spot, then funding. */
    SPOT_FUNDING,
    /** Funding, then earn. */
    FUNDING_EARN,
    /** Spot, funding and earn. */
    SPOT_FUNDING_EARN,
    /** Spot, then earn. */
    SPOT_EARN
}
