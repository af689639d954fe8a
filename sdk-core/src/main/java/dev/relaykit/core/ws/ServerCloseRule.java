package dev.relaykit.core.ws;

/**
 * Decides what a {@link WsSession} does when the server closes the connection with a close frame,
 * by its code and reason: some protocols say in the code whether to come back, and when. Pusher
 * Channels, for one: 4000-4099 "do not reconnect unchanged", 4100-4199 "back off", 4200-4299
 * "reconnect at once".
 *
 * <pre>{@code
 * WsSession s = WsSession.builder("wss://ws.example.com/app")
 *     .serverCloseRule((code, reason) -> code >= 4000 && code < 4100 ? ServerCloseRule.Action.STOP
 *             : code >= 4200 && code < 4300 ? ServerCloseRule.Action.RECONNECT_NOW
 *             : ServerCloseRule.Action.RECONNECT)
 *     .build();
 * }</pre>
 *
 * <p>The rule runs on the socket's reader thread: it must answer at once (no I/O, no lock held for
 * long). A rule that throws counts as {@link Action#RECONNECT}. Connections that end without a close
 * frame (a dropped socket, a failed handshake) never reach the rule: the reconnect policy decides.
 */
@FunctionalInterface
public interface ServerCloseRule {

    /** What to do after the server's close. */
    enum Action {
        /** Reconnect by the session's {@link ReconnectPolicy} (its delay and attempt limit): the default. */
        RECONNECT,
        /**
         * Reconnect without the policy's delay; the attempt still counts against the policy's limit, so a
         * server that keeps asking for it cannot make the session spin forever.
         */
        RECONNECT_NOW,
        /** Do not reconnect: the session becomes {@link ConnectionState#FAILED}, its cause the server's close. */
        STOP
    }

    /**
     * @param code the close code the server sent
     * @param reason the close reason, possibly empty
     * @return what the session does next
     */
    Action onServerClose(int code, String reason);
}
