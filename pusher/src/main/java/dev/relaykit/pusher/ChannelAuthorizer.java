package dev.relaykit.pusher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.pusher.crypto.EncryptedChannels;
import dev.relaykit.pusher.crypto.PusherSigner;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Authorizes this connection (its socket id) for a private, presence or private-encrypted channel. The
 * client asks it on every subscription, and again after every reconnect (a new socket id needs a new
 * signature), and once more when an encrypted event does not decrypt.
 *
 * <pre>{@code
 * // through your backend, as pusher-js does
 * ChannelAuthorizer viaBackend = ChannelAuthorizer.http(HttpAuthEndpoint.builder("https://app.example.com/pusher/auth").build());
 * // signing here, for a trusted backend process that holds the app secret
 * ChannelAuthorizer local = ChannelAuthorizer.signing(new PusherSigner("app-key", Secret.of(System.getenv("PUSHER_SECRET"))),
 *     channel -> "{\"user_id\":\"bot-1\",\"user_info\":{\"name\":\"Bot\"}}", null);
 * }</pre>
 */
@FunctionalInterface
public interface ChannelAuthorizer {

    /**
     * An authorization, as the docs' auth endpoint answers it.
     *
     * @param auth {@code <key>:<signature>}
     * @param channelData for presence channels the signed channel data ({@code user_id}, {@code user_info}); else {@code null}
     * @param sharedSecret for private-encrypted channels the base64 shared secret; else {@code null}
     */
    record Auth(String auth, String channelData, String sharedSecret) {
        /** @throws NullPointerException if auth is null */
        public Auth {
            Objects.requireNonNull(auth, "auth");
        }

        /** @return the auth, never the shared secret */
        @Override
        public String toString() {
            return "Auth[" + auth + (channelData != null ? ", channelData=" + channelData : "")
                    + (sharedSecret != null ? ", sharedSecret=(withheld)" : "") + "]";
        }
    }

    /**
     * @param socketId the connection's socket id
     * @param channel the channel
     * @return the authorization; fail it with an {@link AuthorizationException} to say why not
     */
    CompletableFuture<Auth> authorize(String socketId, String channel);

    /**
     * Asks your backend's endpoint (a form POST of {@code socket_id} and {@code channel_name}).
     *
     * @param endpoint the endpoint
     * @return the authorizer
     */
    static ChannelAuthorizer http(HttpAuthEndpoint endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        return (socketId, channel) -> endpoint.post(Map.of("socket_id", socketId, "channel_name", channel), channel)
                .thenApply(json -> new Auth(json.get("auth").asText(), text(json, "channel_data"),
                        text(json, "shared_secret")));
    }

    /**
     * Signs here with the app secret, for private channels only.
     *
     * @param signer the signer
     * @return the authorizer
     */
    static ChannelAuthorizer signing(PusherSigner signer) {
        return signing(signer, null, null);
    }

    /**
     * Signs here with the app secret: for a trusted backend process, never for code on users' machines.
     *
     * @param signer the signer (app key and secret)
     * @param presenceChannelData gives the channel data ({@code {"user_id":..,"user_info":..}}) for a presence
     *     channel, or {@code null} to refuse presence channels
     * @param encryptionMasterKey the 32-byte encryption master key for private-encrypted channels, or
     *     {@code null} to refuse them
     * @return the authorizer
     */
    static ChannelAuthorizer signing(PusherSigner signer, Function<String, String> presenceChannelData,
                                     byte[] encryptionMasterKey) {
        Objects.requireNonNull(signer, "signer");
        byte[] master = encryptionMasterKey == null ? null : encryptionMasterKey.clone();
        return (socketId, channel) -> {
            try {
                if (channel.startsWith("presence-")) {
                    if (presenceChannelData == null) {
                        throw new AuthorizationException(channel, 0, "this local authorizer has no presence channel data", null);
                    }
                    String data = presenceChannelData.apply(channel);
                    return CompletableFuture.completedFuture(new Auth(signer.authorizePresence(socketId, channel, data), data, null));
                }
                String secret = null;
                if (channel.startsWith(EncryptedChannels.PREFIX)) {
                    if (master == null) {
                        throw new AuthorizationException(channel, 0, "this local authorizer has no encryption master key", null);
                    }
                    secret = Base64.getEncoder().encodeToString(EncryptedChannels.sharedSecret(channel, master));
                }
                return CompletableFuture.completedFuture(new Auth(signer.authorizeChannel(socketId, channel), null, secret));
            } catch (AuthorizationException e) {
                return CompletableFuture.failedFuture(e);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(new AuthorizationException(channel, 0,
                        "authorization of " + channel + " failed: " + e.getMessage(), e));
            }
        };
    }

    private static String text(JsonNode json, String field) {
        JsonNode n = json.get(field);
        return n == null || n.isNull() ? null : n.isTextual() ? n.asText() : n.toString();
    }
}
