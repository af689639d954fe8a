package dev.relaykit.telegram.bot;

import dev.relaykit.core.json.Json;
import dev.relaykit.core.rest.RestRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a method's parameters into its request body, the one way every method is sent
 * (core.telegram.org/bots/api#making-requests, #sending-files, #inputfile): JSON when nothing is
 * uploaded; otherwise {@code multipart/form-data}, where an upload in a top-level parameter
 * ({@code photo}) is the part of that name, an upload anywhere deeper (a media group's
 * {@code media}) or in {@code thumbnail} is sent as {@code "attach://<name>"} with a part of that
 * name, and every other parameter is a text part (objects and lists JSON-encoded). {@code null}
 * values are left out at every level. Anything that is not a map, a collection, an
 * {@link InputFile} or an {@link InputMedia} is written by Jackson as is.
 */
final class BotBody {
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final List<RestRequest.Part> files = new ArrayList<>();

    private BotBody() {
    }

    static RestRequest request(String method, Map<String, ?> params, boolean idempotent) {
        BotBody body = new BotBody();
        params.forEach((k, v) -> {
            if (v != null) {
                if (v instanceof InputFile f && f.isUpload() && !k.equals("thumbnail")) {
                    body.files.add(RestRequest.Part.file(k, f.path(), f.path().getFileName().toString(), f.contentType()));
                } else {
                    body.params.put(k, body.value(v));
                }
            }
        });
        RestRequest.Builder r = RestRequest.post("/" + method).idempotent(idempotent);
        if (body.files.isEmpty()) {
            return r.jsonBody(body.params).build();
        }
        body.params.forEach((k, v) -> r.part(RestRequest.Part.text(k, v instanceof String s ? s
                : v instanceof Number || v instanceof Boolean ? String.valueOf(v) : Json.write(v))));
        body.files.forEach(r::part);
        return r.build();
    }

    private Object value(Object v) {
        if (v instanceof InputFile f) {
            if (!f.isUpload()) {
                return f.reference();
            }
            String name = "file" + files.size();
            files.add(RestRequest.Part.file(name, f.path(), f.path().getFileName().toString(), f.contentType()));
            return "attach://" + name;
        }
        if (v instanceof InputMedia m) {
            return value(m.fields());
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> {
                if (x != null) {
                    out.put(String.valueOf(k), value(x));
                }
            });
            return out;
        }
        if (v instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object x : list) {
                out.add(x == null ? null : value(x));
            }
            return out;
        }
        return v;
    }
}
