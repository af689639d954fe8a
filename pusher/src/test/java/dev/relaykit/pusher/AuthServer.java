package dev.relaykit.pusher;

import com.sun.net.httpserver.HttpServer;
import dev.relaykit.pusher.crypto.EncryptedChannels;
import dev.relaykit.pusher.crypto.PusherSigner;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A backend's auth endpoint as the Pusher docs describe it (form POST in, JSON out), on 127.0.0.1. */
final class AuthServer implements AutoCloseable {
    final HttpServer http;
    final List<Map<String, String>> forms = new CopyOnWriteArrayList<>();
    final List<String> authorizationHeaders = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    volatile int refuseWith; // 0: answer; else this HTTP status
    volatile int wrongSecretAnswers; // this many encrypted-channel answers carry a wrong shared secret
    final byte[] masterKey = new byte[32];

    AuthServer(PusherSigner signer) throws IOException {
        for (int i = 0; i < 32; i++) {
            masterKey[i] = (byte) (i * 7 + 1);
        }
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/pusher/auth", ex -> {
            requests.incrementAndGet();
            Map<String, String> form = new HashMap<>();
            for (String kv : new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    form.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            forms.add(form);
            authorizationHeaders.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            String body;
            int status = refuseWith;
            if (status != 0) {
                body = "{\"error\":\"Forbidden\"}";
            } else {
                status = 200;
                String sid = form.get("socket_id");
                String ch = form.get("channel_name");
                if (ch == null) {
                    String userData = "{\"id\":\"ann\",\"watchlist\":[\"bob\"]}";
                    body = "{\"auth\":\"" + signer.authenticateUser(sid, userData) + "\",\"user_data\":"
                            + quote(userData) + "}";
                } else if (ch.startsWith("presence-")) {
                    String cd = "{\"user_id\":\"ann\",\"user_info\":{\"name\":\"Ann\"}}";
                    body = "{\"auth\":\"" + signer.authorizePresence(sid, ch, cd) + "\",\"channel_data\":" + quote(cd) + "}";
                } else if (ch.startsWith(EncryptedChannels.PREFIX)) {
                    byte[] secret = EncryptedChannels.sharedSecret(ch, masterKey);
                    if (wrongSecretAnswers > 0) {
                        wrongSecretAnswers--;
                        secret = new byte[32];
                    }
                    body = "{\"auth\":\"" + signer.authorizeChannel(sid, ch) + "\",\"shared_secret\":\""
                            + Base64.getEncoder().encodeToString(secret) + "\"}";
                } else {
                    body = "{\"auth\":\"" + signer.authorizeChannel(sid, ch) + "\"}";
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        });
        http.start();
    }

    private static String quote(String s) {
        return dev.relaykit.core.json.Json.mapper().getNodeFactory().textNode(s).toString();
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/pusher/auth";
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
