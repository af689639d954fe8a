package dev.relaykit.pusher.server;

import dev.relaykit.core.json.Json;
import dev.relaykit.pusher.crypto.PusherSigner;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The HTTP API's documented limits, checked before anything is sent: a request Pusher would refuse
 * fails here with a message naming the value, and no request leaves the process.
 */
final class Limits {
    /** Channels one trigger may name (HTTP API reference: "limited to 100 channels"). */
    static final int MAX_CHANNELS_PER_TRIGGER = 100;
    /** Events one batch may carry. */
    static final int MAX_EVENTS_PER_BATCH = 10;
    /** Characters of an event name. */
    static final int MAX_EVENT_NAME_LENGTH = 200;
    /** Bytes of an event's data on the default plan ("limited to 10KB"). */
    static final int DEFAULT_MAX_DATA_BYTES = 10 * 1024;
    /** Characters of a user id in a terminate call. */
    static final int MAX_USER_ID_LENGTH = 200;

    // a user id goes into the request path, which is signed as sent: only characters that need no escaping
    private static final Pattern USER_ID = Pattern.compile("[-a-zA-Z0-9_=@,.;]+");

    private Limits() {
    }

    static String eventName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("event name is empty");
        }
        if (name.length() > MAX_EVENT_NAME_LENGTH) {
            throw new IllegalArgumentException("event name is " + name.length() + " characters; Pusher allows at most "
                    + MAX_EVENT_NAME_LENGTH);
        }
        return name;
    }

    static String channel(String channel) {
        return PusherSigner.checkChannelName(channel);
    }

    static String socketId(String socketId) {
        return socketId == null ? null : PusherSigner.checkSocketId(socketId);
    }

    static String userId(String userId) {
        if (userId == null || userId.isEmpty()) {
            throw new IllegalArgumentException("user id is empty");
        }
        if (userId.length() > MAX_USER_ID_LENGTH) {
            throw new IllegalArgumentException("user id is " + userId.length() + " characters; at most "
                    + MAX_USER_ID_LENGTH + " are allowed");
        }
        if (!USER_ID.matcher(userId).matches()) {
            throw new IllegalArgumentException("user id '" + userId
                    + "' has characters a request path would have to escape; allowed: letters, digits and _ - = @ , . ;");
        }
        return userId;
    }

    static void dataSize(String what, String data, int maxBytes) {
        int bytes = data.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw new IllegalArgumentException(what + " is " + bytes + " bytes; Pusher accepts at most " + maxBytes
                    + " bytes of event data (the HTTP API answers 413 beyond that)");
        }
    }

    /** Event data as sent: a string as it is (usually JSON already), anything else written as JSON. */
    static String data(Object data) {
        if (data == null) {
            throw new IllegalArgumentException("event data is null; send \"{}\" or \"\" for none");
        }
        return data instanceof String s ? s : Json.write(data);
    }
}
