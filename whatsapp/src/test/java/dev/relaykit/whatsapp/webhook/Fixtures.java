package dev.relaykit.whatsapp.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Function;

/** Reads the webhook fixtures of testkit (Meta's documented examples) byte for byte. */
final class Fixtures {
    private Fixtures() {
    }

    static byte[] bytes(String name) {
        String path = "relaykit/whatsapp/webhook/" + name + ".json";
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A case-insensitive single-header lookup, as servlet containers and the JDK server provide. */
    static Function<String, String> header(String name, String value) {
        return n -> n.equalsIgnoreCase(name) ? value : null;
    }

    static Function<String, String> query(Map<String, String> params) {
        return params::get;
    }
}
