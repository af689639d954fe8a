package dev.relaykit.pusher;

import dev.relaykit.core.RelayKitException;

/**
 * The root of every error the Pusher client reports, to {@link PusherClient#onError error
 * listeners} and through failed futures. Subclasses say what went wrong:
 * {@link AuthorizationException} (the auth endpoint or authorizer), {@link SubscriptionException}
 * ({@code pusher:subscription_error}, or a {@code pusher:error} about one channel's signature),
 * {@link PusherErrorException} ({@code pusher:error}), {@link ConnectionRefusedException} (close codes
 * 4001-4099), {@link MalformedFrameException}, {@link DecryptionException}, {@link ClientEventException}
 * and {@link PusherTimeoutException}.
 *
 * <pre>{@code
 * PusherClient client = PusherClient.builder("app-key").cluster("eu").build();
 * client.onError(e -> {
 *     if (e instanceof AuthorizationException a) System.err.println("auth endpoint said " + a.httpStatus());
 * });
 * }</pre>
 */
public class PusherException extends RelayKitException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong (never a secret)
     * @param cause the underlying failure, or {@code null}
     */
    public PusherException(String message, Throwable cause) {
        super(message, cause);
    }
}
