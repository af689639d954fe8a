package dev.relaykit.pusher.crypto;

import dev.relaykit.core.secret.Secret;
import dev.relaykit.core.sign.PayloadSigner;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Signs what a Pusher Channels backend signs with the app secret: channel authorization (private,
 * presence, private-encrypted) and user authentication, as the "Authentication and authorization
 * signatures" page of the Pusher docs defines them
 * (https://pusher.com/docs/channels/library_auth_reference/auth-signatures/): an auth string is
 * {@code <key>:<hex HMAC-SHA256(secret, string to sign)>}. Inputs are checked first, so a bad socket
 * id or channel name is an {@link IllegalArgumentException} naming it, never a signature the service
 * would refuse later. The secret never appears in {@link #toString()} or in any message.
 *
 * <pre>{@code
 * PusherSigner signer = new PusherSigner("278d425bdf160c739803", Secret.of("7ad3773142a6692b25b8"));
 * String auth = signer.authorizeChannel("1234.1234", "private-foobar");
 * // "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4"
 * }</pre>
 */
public final class PusherSigner {
    /** Longest channel name Pusher accepts, prefixes included. */
    public static final int MAX_CHANNEL_NAME_LENGTH = 164;

    private static final Pattern SOCKET_ID = Pattern.compile("\\d+\\.\\d+");
    private static final Pattern CHANNEL_NAME = Pattern.compile("[-a-zA-Z0-9_=@,.;]+");

    private final String key;
    private final PayloadSigner hmac;

    /**
     * A signer for one app.
     *
     * <pre>{@code
     * PusherSigner signer = new PusherSigner(appKey, Secret.of(System.getenv("PUSHER_SECRET")));
     * }</pre>
     *
     * @param key the app key (public)
     * @param secret the app secret
     */
    public PusherSigner(String key, Secret secret) {
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("Pusher app key is empty");
        }
        Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("Pusher app secret is empty");
        }
        this.key = key;
        this.hmac = PayloadSigner.hmacSha256Hex(secret);
    }

    /** @return the app key this signer signs for */
    public String key() {
        return key;
    }

    /**
     * The auth string for a private (or private-encrypted) channel: signs {@code socket_id:channel}.
     *
     * <pre>{@code
     * String auth = signer.authorizeChannel(socketId, "private-orders");
     * }</pre>
     *
     * @param socketId the connection's socket id, e.g. {@code 1234.1234}
     * @param channel the channel name
     * @return {@code key:signature}
     */
    public String authorizeChannel(String socketId, String channel) {
        return key + ":" + sign(checkSocketId(socketId) + ":" + checkChannelName(channel));
    }

    /**
     * The auth string for a presence channel: signs {@code socket_id:channel:channel_data}, where
     * {@code channelData} is the exact JSON string sent to the client beside the auth.
     *
     * <pre>{@code
     * String data = "{\"user_id\":10,\"user_info\":{\"name\":\"Mr. Channels\"}}";
     * String auth = signer.authorizePresence(socketId, "presence-foobar", data);
     * }</pre>
     *
     * @param socketId the connection's socket id
     * @param channel a {@code presence-} channel
     * @param channelData JSON with at least {@code user_id}
     * @return {@code key:signature}
     */
    public String authorizePresence(String socketId, String channel, String channelData) {
        Objects.requireNonNull(channelData, "channelData");
        if (!checkChannelName(channel).startsWith("presence-")) {
            throw new IllegalArgumentException("not a presence channel: " + channel);
        }
        if (channelData.isBlank()) {
            throw new IllegalArgumentException("presence channel_data is empty; it must be JSON with a user_id");
        }
        return key + ":" + sign(checkSocketId(socketId) + ":" + channel + ":" + channelData);
    }

    /**
     * The auth string for user sign-in: signs {@code socket_id::user::user_data}, where
     * {@code userData} is the exact JSON string sent to the client (with a non-empty string
     * {@code id}).
     *
     * <pre>{@code
     * String auth = signer.authenticateUser("1234.1234", "{\"id\":\"12345\"}");
     * }</pre>
     *
     * @param socketId the connection's socket id
     * @param userData JSON with a non-empty string {@code id}
     * @return {@code key:signature}
     */
    public String authenticateUser(String socketId, String userData) {
        Objects.requireNonNull(userData, "userData");
        if (userData.isBlank()) {
            throw new IllegalArgumentException("user_data is empty; it must be JSON with a non-empty string id");
        }
        return key + ":" + sign(checkSocketId(socketId) + "::user::" + userData);
    }

    /**
     * The bare hex HMAC-SHA256 of a string with the app secret, for the other things Pusher signs
     * the same way (the HTTP API's {@code auth_signature}, webhooks' {@code X-Pusher-Signature}).
     *
     * <pre>{@code
     * String signature = signer.sign("POST\n/apps/3/events\nauth_key=...");
     * }</pre>
     *
     * @param stringToSign the exact string
     * @return lower-case hex
     */
    public String sign(String stringToSign) {
        return hmac.sign(Objects.requireNonNull(stringToSign, "stringToSign").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Checks a socket id's form ({@code digits.digits}).
     *
     * <pre>{@code
     * PusherSigner.checkSocketId("1234.1234");
     * }</pre>
     *
     * @param socketId the socket id
     * @return it, unchanged
     * @throws IllegalArgumentException naming the bad value
     */
    public static String checkSocketId(String socketId) {
        if (socketId == null || !SOCKET_ID.matcher(socketId).matches()) {
            throw new IllegalArgumentException("invalid socket id '" + socketId + "': expected digits.digits, e.g. 1234.1234");
        }
        return socketId;
    }

    /**
     * Checks a channel name as Pusher does: at most {@value #MAX_CHANNEL_NAME_LENGTH} characters of
     * letters, digits and {@code _ - = @ , . ;}.
     *
     * <pre>{@code
     * PusherSigner.checkChannelName("private-orders");
     * }</pre>
     *
     * @param channel the channel name
     * @return it, unchanged
     * @throws IllegalArgumentException naming the problem
     */
    public static String checkChannelName(String channel) {
        if (channel == null || channel.isEmpty()) {
            throw new IllegalArgumentException("channel name is empty");
        }
        if (channel.length() > MAX_CHANNEL_NAME_LENGTH) {
            throw new IllegalArgumentException("channel name is " + channel.length() + " characters; Pusher allows at most "
                    + MAX_CHANNEL_NAME_LENGTH + ": " + channel.substring(0, 40) + "...");
        }
        if (!CHANNEL_NAME.matcher(channel).matches()) {
            throw new IllegalArgumentException("invalid channel name '" + channel
                    + "': only letters, digits and _ - = @ , . ; are allowed");
        }
        return channel;
    }

    @Override
    public String toString() {
        return "PusherSigner[key=" + key + "]";
    }
}
