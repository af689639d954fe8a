package dev.relaykit.telegram.tdlib;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;

/**
 * What the client's resource groups ({@link TdMessages}, {@link TdChats}, {@link TdFiles},
 * {@link TdProxies}) need from it: send a function, wait as the sync forms do, and the interface for
 * {@code td_execute}. Internal: the groups depend on this, never on {@link TdClient} itself.
 */
interface TdCalls {
    CompletableFuture<JsonNode> call(ObjectNode function);

    <T> T await(CompletableFuture<T> future);

    TdJson td();
}
