package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the method groups ({@link BotMessages}, {@link BotChats}, ...) need from the client: one
 * raw call, paced, retried and encoded as {@link TelegramBot#call(String, Map)} does. They depend on
 * this, not on the facade.
 */
@FunctionalInterface
interface BotCalls {
    JsonNode call(String method, Map<String, ?> params);

    /**
     * The required parameters first, then the options; a required one is never overridden by an
     * option of the same name.
     */
    static Map<String, Object> params(Map<String, ?> options, Object... required) {
        Objects.requireNonNull(options, "options");
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < required.length; i += 2) {
            p.put((String) required[i], Objects.requireNonNull(required[i + 1], (String) required[i]));
        }
        options.forEach(p::putIfAbsent);
        return p;
    }
}
