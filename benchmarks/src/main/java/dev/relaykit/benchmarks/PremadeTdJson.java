package dev.relaykit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.telegram.tdlib.TdJson;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link TdJson} whose {@code td_receive} hands out one pre-made update string as many times as asked
 * ({@link #feed}), so that a benchmark measures what happens to an update after TDLib returned it: the receive
 * loop's decode and routing, the client's dispatch, the typed model, the listener. Requests are answered as TDLib
 * would in the one way the benchmark needs: {@code close} with {@code authorizationStateClosed} (so that
 * {@code TdClient.close()} returns), everything else with {@code ok}.
 */
final class PremadeTdJson implements TdJson {
    /** Wakes a receive that waits for answers when a batch is fed. */
    private static final String WAKE = new String("wake");

    private final String update;
    private final AtomicInteger remaining = new AtomicInteger();
    private final LinkedBlockingQueue<String> answers = new LinkedBlockingQueue<>();

    /** @param update the object td_receive returns, with its {@code @client_id} (the first client is 1) */
    PremadeTdJson(String update) {
        this.update = update;
    }

    /** Makes the next {@code count} receives return the update. */
    void feed(int count) {
        remaining.addAndGet(count);
        answers.add(WAKE);
    }

    @Override
    public int createClientId() {
        return 1;
    }

    @Override
    public void send(int clientId, String request) {
        JsonNode r = Json.tree(request);
        String type = r.path("@type").asText();
        String extra = r.has("@extra") ? ",\"@extra\":" + Json.write(r.get("@extra")) : "";
        answers.add("{\"@type\":\"ok\"" + extra + ",\"@client_id\":" + clientId + "}");
        if ("close".equals(type)) {
            answers.add("{\"@type\":\"updateAuthorizationState\",\"authorization_state\":"
                    + "{\"@type\":\"authorizationStateClosed\"},\"@client_id\":" + clientId + "}");
        }
    }

    /** One caller at a time, as TDLib requires. */
    @Override
    public String receive(double timeoutSeconds) {
        long deadline = System.nanoTime() + (long) (timeoutSeconds * 1e9);
        while (true) {
            if (remaining.get() > 0) {
                remaining.decrementAndGet();
                return update;
            }
            String a;
            try {
                a = answers.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            if (a != WAKE) {
                return a;
            }
        }
    }

    @Override
    public String execute(String request) {
        return "{\"@type\":\"error\",\"code\":400,\"message\":\"not used by the benchmark\"}";
    }
}
