package dev.relaykit.pusher.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * Checks a recorded request the way Pusher's side does, written from the HTTP API reference's
 * "Generating authentication signatures" section with the JDK's own HMAC and MD5 (not the client's
 * code): decode the query, drop auth_signature, lower-case and sort the keys, join unescaped,
 * sign METHOD\nPATH\nQUERY; body_md5 is the hex MD5 of the body bytes.
 */
final class WireCheck {
    private WireCheck() {
    }

    /** @return the decoded query parameters, in wire order */
    static Map<String, String> query(RecordedRequest r) {
        HttpUrl url = r.getRequestUrl();
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < url.querySize(); i++) {
            out.put(url.queryParameterName(i), url.queryParameterValue(i));
        }
        return out;
    }

    static String hmacHex(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String md5Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    /** Asserts the request is signed as Pusher verifies it, with this key and secret. */
    static void assertSigned(RecordedRequest r, String key, String secret) throws Exception {
        Map<String, String> q = query(r);
        assertThat(q).containsEntry("auth_key", key).containsEntry("auth_version", "1.0").containsKey("auth_timestamp");
        long ts = Long.parseLong(q.get("auth_timestamp"));
        assertThat(Math.abs(ts - System.currentTimeMillis() / 1000)).as("auth_timestamp within 600 s of now").isLessThan(600);
        byte[] body = r.getBody().readByteArray();
        if (body.length > 0) {
            assertThat(q).containsEntry("body_md5", md5Hex(body));
        } else {
            assertThat(q).doesNotContainKey("body_md5");
        }
        List<String> pairs = new ArrayList<>();
        q.forEach((k, v) -> {
            if (!k.equals("auth_signature")) {
                pairs.add(k.toLowerCase() + "=" + v);
            }
        });
        String sorted = pairs.stream().sorted().collect(Collectors.joining("&"));
        String path = r.getRequestUrl().encodedPath();
        assertThat(q.get("auth_signature"))
                .as("auth_signature over " + r.getMethod() + "\\n" + path + "\\n" + sorted)
                .isEqualTo(hmacHex(secret, r.getMethod() + "\n" + path + "\n" + sorted));
    }
}
