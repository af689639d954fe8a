package dev.relaykit.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** What long polling needs of the client: one getUpdates call at a time, and a close that cancels it. */
interface PollSource extends AutoCloseable {
    CompletableFuture<JsonNode> getUpdates(Map<String, ?> params);

    @Override
    void close();
}
