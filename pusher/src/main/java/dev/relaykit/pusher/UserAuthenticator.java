package dev.relaykit.pusher;

import dev.relaykit.pusher.crypto.PusherSigner;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Authenticates the user of this connection for {@link PusherUser#signin() sign-in}: an {@code auth}
 * signed over {@code socket_id::user::user_data} and the {@code user_data} itself (a JSON object with a
 * non-empty string {@code id}, optionally {@code user_info} and {@code watchlist}). Asked again after
 * every reconnect.
 *
 * <pre>{@code
 * PusherSigner signer = new PusherSigner("app-key", Secret.of(System.getenv("PUSHER_SECRET")));
 * UserAuthenticator viaBackend = UserAuthenticator.http(HttpAuthEndpoint.builder("https://app.example.com/pusher/user-auth").build());
 * UserAuthenticator local = UserAuthenticator.signing(signer, () -> "{\"id\":\"bot-1\",\"watchlist\":[\"ann\"]}");
 * }</pre>
 */
@FunctionalInterface
public interface UserAuthenticator {

    /**
     * @param auth {@code <key>:<signature>}
     * @param userData the signed user data, JSON text
     */
    record UserAuth(String auth, String userData) {
        /** @throws NullPointerException if a field is null */
        public UserAuth {
            Objects.requireNonNull(auth, "auth");
            Objects.requireNonNull(userData, "userData");
        }
    }

    /**
     * @param socketId the connection's socket id
     * @return the authentication; fail it with an {@link AuthorizationException} to say why not
     */
    CompletableFuture<UserAuth> authenticate(String socketId);

    /**
     * Asks your backend's endpoint (a form POST of {@code socket_id}).
     *
     * @param endpoint the endpoint
     * @return the authenticator
     */
    static UserAuthenticator http(HttpAuthEndpoint endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        return socketId -> endpoint.post(Map.of("socket_id", socketId), null).thenApply(json -> {
            if (!json.path("user_data").isTextual()) {
                throw new AuthorizationException(null, 200, "user authentication: the answer has no \"user_data\" string", null);
            }
            return new UserAuth(json.get("auth").asText(), json.get("user_data").asText());
        });
    }

    /**
     * Signs here with the app secret (a trusted backend process only).
     *
     * @param signer the signer
     * @param userData gives the user data JSON for each sign-in
     * @return the authenticator
     */
    static UserAuthenticator signing(PusherSigner signer, Supplier<String> userData) {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(userData, "userData");
        return socketId -> {
            try {
                String data = userData.get();
                return CompletableFuture.completedFuture(new UserAuth(signer.authenticateUser(socketId, data), data));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(new AuthorizationException(null, 0,
                        "user authentication failed: " + e.getMessage(), e));
            }
        };
    }
}
