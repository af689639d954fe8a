package dev.relaykit.telegram.tdlib;

/**
 * TDLib's connection to Telegram, from {@code updateConnectionState} ({@code td_api.tl}'s
 * {@code ConnectionState} classes). TDLib reconnects by itself; these say where it is.
 *
 * <pre>{@code
 * client.addListener(new TdListener() {
 *     public void onConnectionState(TdClient c, ConnectionState state) {
 *         if (state == ConnectionState.WAITING_FOR_NETWORK) System.out.println("offline");
 *     }
 * });
 * }</pre>
 */
public enum ConnectionState {
    /** {@code connectionStateWaitingForNetwork}: no network. */
    WAITING_FOR_NETWORK("connectionStateWaitingForNetwork"),
    /** {@code connectionStateConnectingToProxy}: connecting to the proxy. */
    CONNECTING_TO_PROXY("connectionStateConnectingToProxy"),
    /** {@code connectionStateConnecting}: connecting to Telegram. */
    CONNECTING("connectionStateConnecting"),
    /** {@code connectionStateUpdating}: connected, fetching what was missed. */
    UPDATING("connectionStateUpdating"),
    /** {@code connectionStateReady}: connected and up to date. */
    READY("connectionStateReady");

    private final String type;

    ConnectionState(String type) {
        this.type = type;
    }

    /** @return TDLib's class name ({@code "connectionStateReady"}) */
    public String tdType() {
        return type;
    }

    /**
     * @param type a TDLib class name
     * @return the state, or {@code null} for a class this version does not know
     */
    public static ConnectionState fromTdType(String type) {
        for (ConnectionState s : values()) {
            if (s.type.equals(type)) {
                return s;
            }
        }
        return null;
    }
}
