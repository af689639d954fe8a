package dev.relaykit.telegram.tdlib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.secret.Secret;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Proxies TDLib connects through: SOCKS5, HTTP and MTProto ({@code addProxy}, {@code enableProxy},
 * {@code disableProxy}, {@code removeProxy}, {@code getProxies}). May be used before authorization.
 * The shapes are TDLib 1.8.67's ({@code addProxy} takes a {@code proxy} object and answers an
 * {@code addedProxy}), checked against the real library.
 *
 * <pre>{@code
 * TdProxies.Proxy p = client.proxies().add("127.0.0.1", 1080, TdProxies.socks5("user", Secret.of("pw")), true);
 * client.proxies().disable();             // connect directly again
 * client.proxies().remove(p.id());
 * }</pre>
 */
public final class TdProxies {
    private final TdCalls calls;

    TdProxies(TdCalls calls) {
        this.calls = calls;
    }

    /**
     * @param username the user name, or {@code ""}
     * @param password the password, or {@code null}
     * @return a SOCKS5 proxy type ({@code proxyTypeSocks5})
     */
    public static ObjectNode socks5(String username, Secret password) {
        return type("proxyTypeSocks5").put("username", username).put("password", password == null ? "" : password.reveal());
    }

    /**
     * @param username the user name, or {@code ""}
     * @param password the password, or {@code null}
     * @param httpOnly use the proxy only for HTTP requests (no CONNECT tunnel)
     * @return an HTTP proxy type ({@code proxyTypeHttp})
     */
    public static ObjectNode http(String username, Secret password, boolean httpOnly) {
        return type("proxyTypeHttp").put("username", username).put("password", password == null ? "" : password.reveal())
                .put("http_only", httpOnly);
    }

    /**
     * @param secret the proxy's secret (hex or base64, as the proxy's link gives it)
     * @return an MTProto proxy type ({@code proxyTypeMtproto})
     */
    public static ObjectNode mtproto(Secret secret) {
        return type("proxyTypeMtproto").put("secret", secret.reveal());
    }

    private static ObjectNode type(String t) {
        return Json.mapper().createObjectNode().put("@type", t);
    }

    /**
     * @param server host name or IP address
     * @param port port
     * @param type {@link #socks5}, {@link #http} or {@link #mtproto}
     * @param enable use it at once
     * @return the proxy as TDLib stored it
     */
    public Proxy add(String server, int port, ObjectNode type, boolean enable) {
        ObjectNode f = TdClient.function("addProxy").put("enable", enable);
        f.putObject("proxy").put("@type", "proxy").put("server", server).put("port", port).set("type", type.deepCopy());
        return Proxy.of(calls.await(calls.call(f)));
    }

    /** @return every proxy TDLib knows, enabled or not ({@code getProxies}) */
    public List<Proxy> list() {
        List<Proxy> list = new ArrayList<>();
        for (JsonNode p : calls.await(calls.call(TdClient.function("getProxies"))).path("proxies")) {
            list.add(Proxy.of(p));
        }
        return List.copyOf(list);
    }

    /**
     * @param proxyId the proxy to use from now on ({@code enableProxy}); at most one is enabled
     */
    public void enable(int proxyId) {
        calls.await(calls.call(TdClient.function("enableProxy").put("proxy_id", proxyId)));
    }

    /** Connects directly again ({@code disableProxy}). */
    public void disable() {
        calls.await(calls.call(TdClient.function("disableProxy")));
    }

    /**
     * @param proxyId the proxy to forget ({@code removeProxy})
     */
    public void remove(int proxyId) {
        calls.await(calls.call(TdClient.function("removeProxy").put("proxy_id", proxyId)));
    }

    /**
     * A proxy TDLib stored: its {@code addedProxy}. Credentials are not kept here.
     *
     * @param id TDLib's id of it
     * @param server host
     * @param port port
     * @param kind {@code "Socks5"}, {@code "Http"} or {@code "Mtproto"}
     * @param enabled whether it is the one in use
     * @param lastUsed when it was last used, or {@code null}
     * @param comment the comment, or {@code ""}
     */
    public record Proxy(int id, String server, int port, String kind, boolean enabled, Instant lastUsed, String comment) {
        static Proxy of(JsonNode p) {
            JsonNode proxy = p.path("proxy");
            String type = proxy.path("type").path("@type").asText();
            long used = p.path("last_used_date").asLong();
            return new Proxy(p.path("id").asInt(), proxy.path("server").asText(), proxy.path("port").asInt(),
                    type.startsWith("proxyType") ? type.substring(9) : type, p.path("is_enabled").asBoolean(),
                    used == 0 ? null : Instant.ofEpochSecond(used), p.path("comment").asText(""));
        }
    }
}
