package dev.relaykit.socketio.peer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Just enough of each generation's HTTP long-polling transport to talk to a peer by hand, so the
 * peers are proven without our own client: open a session, send packets, read packets.
 */
final class PollingWire {
    static final OkHttpClient HTTP = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
    private static final MediaType TEXT = MediaType.get("text/plain; charset=UTF-8");

    private final Generation generation;
    private final String base;
    private final String query;
    private final List<String> opening;
    private String sid;

    private PollingWire(Generation generation, String base, String query) {
        this.generation = generation;
        this.base = base;
        this.query = query;
        this.opening = new ArrayList<>();
    }

    /**
     * Opens a session: for 0.9 the {@code /socket.io/1/} handshake (its body is the first "packet"),
     * for Engine.IO the first polling GET (its packets, the open packet first).
     */
    static PollingWire open(NodePeer peer, String extraQuery) throws IOException {
        PollingWire w = new PollingWire(peer.generation(), peer.url() + "/socket.io/", extraQuery);
        if (peer.generation() == Generation.V09) {
            String hs = get(w.base + "1/" + (extraQuery.isEmpty() ? "" : "?" + extraQuery));
            w.sid = hs.substring(0, hs.indexOf(':'));
            w.opening.add(hs);
        } else {
            List<String> packets = w.decode(get(w.url()));
            String open = packets.get(0);
            w.sid = open.replaceAll(".*\"sid\":\"([^\"]+)\".*", "$1");
            w.opening.addAll(packets);
        }
        return w;
    }

    /** What opening the session returned. */
    List<String> opening() {
        return opening;
    }

    /** Sends one packet (in the generation's packet syntax, e.g. {@code 40/chat,} or {@code 1::/chat}). */
    void send(String packet) throws IOException {
        String body = switch (generation) {
            case V09 -> packet;
            case V1, V2 -> packet.length() + ":" + packet;
            case V3, V4 -> packet;
        };
        Request req = new Request.Builder().url(url()).post(RequestBody.create(body, TEXT)).build();
        try (Response r = HTTP.newCall(req).execute()) {
            if (!r.isSuccessful()) {
                throw new IOException("POST " + url() + " -> " + r.code() + " " + r.body().string());
            }
        }
    }

    /** Polls until a packet matches (at most {@code polls} GETs); returns every packet read, the match last. */
    List<String> pollUntil(Predicate<String> match, int polls) throws IOException {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < polls; i++) {
            for (String p : decode(get(url()))) {
                seen.add(p);
                if (match.test(p)) {
                    return seen;
                }
            }
        }
        throw new AssertionError("no matching packet from " + generation + " in " + polls + " polls; got " + seen);
    }

    private String url() {
        if (generation == Generation.V09) {
            return base + "1/xhr-polling/" + sid + (query.isEmpty() ? "" : "?" + query);
        }
        int eio = generation.engineIoProtocol().getAsInt();
        return base + "?EIO=" + eio + "&transport=polling" + (eio == 3 ? "&b64=1" : "")
                + (sid == null ? "" : "&sid=" + sid) + (query.isEmpty() ? "" : "&" + query);
    }

    private List<String> decode(String payload) {
        List<String> packets = new ArrayList<>();
        switch (generation) {
            case V3, V4 -> packets.addAll(List.of(payload.split("\u001e")));
            case V1, V2 -> {   // <length>:<packet>..., the length in UTF-16 units like JavaScript's
                int i = 0;
                while (i < payload.length()) {
                    int colon = payload.indexOf(':', i);
                    int len = Integer.parseInt(payload.substring(i, colon));
                    packets.add(payload.substring(colon + 1, colon + 1 + len));
                    i = colon + 1 + len;
                }
            }
            case V09 -> {      // one packet, or \ufffd<length>\ufffd<packet>...
                if (!payload.startsWith("\ufffd")) {
                    packets.add(payload);
                } else {
                    int i = 0;
                    while (i < payload.length()) {
                        int end = payload.indexOf('\ufffd', i + 1);
                        int len = Integer.parseInt(payload.substring(i + 1, end));
                        packets.add(payload.substring(end + 1, end + 1 + len));
                        i = end + 1 + len;
                    }
                }
            }
        }
        return packets;
    }

    static String get(String url) throws IOException {
        try (Response r = HTTP.newCall(new Request.Builder().url(url).build()).execute()) {
            String body = r.body().string();
            if (!r.isSuccessful()) {
                throw new IOException("GET " + url + " -> " + r.code() + " " + body);
            }
            return body;
        }
    }
}
