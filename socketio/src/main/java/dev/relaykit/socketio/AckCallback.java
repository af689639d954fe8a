package dev.relaykit.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Receives the server's acknowledgement of an emit, or the reason there is none (timeout, disconnect). */
@FunctionalInterface
public interface AckCallback {
    /**
     * @param args the acknowledgement's arguments, or null on failure
     * @param error null on success; otherwise why no acknowledgement came
     */
    void onAck(List<JsonNode> args, Throwable error);
}
