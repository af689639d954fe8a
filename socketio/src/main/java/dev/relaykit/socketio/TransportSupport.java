package dev.relaykit.socketio;

import dev.relaykit.core.net.HttpClients;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** What the client, its transports and {@link Wire09} share. */
final class TransportSupport {
    /**
     * The client for long-polling: the shared one with a 90 s read timeout, longer than any server holds a poll
     * open (it shares the shared client's connection pool and dispatcher).
     */
    static final OkHttpClient LONG_POLL = HttpClients.shared().newBuilder().readTimeout(Duration.ofSeconds(90)).build();

    private TransportSupport() {
    }

    /**
     * @param url a URL
     * @return the URL with {@code http(s)://} for {@code ws(s)://} (HTTP requests cannot use the WebSocket schemes)
     */
    static String http(String url) {
        return url.replaceFirst("^(?i)ws", "http");
    }

    /**
     * @param urlOrPath a URL or path
     * @return it without trailing slashes
     */
    static String withoutTrailingSlashes(String urlOrPath) {
        return urlOrPath.replaceAll("/+$", "");
    }

    /**
     * @param text a text to quote in a message, e.g. a response body
     * @param max how many characters to keep
     * @return the text, cut after {@code max} characters (then marked with {@code ...})
     */
    static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "..." : text;
    }
}
