package dev.relaykit.binance.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.binance.BinanceEnvironment;
import dev.relaykit.binance.BinanceSpot;
import dev.relaykit.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A route's handover, step by step (no network): on an all-symbol stream whose update ids are each
 * symbol's own, every event reaches the listener once whichever connection is ahead, and whether the
 * switch comes from the successor catching up or from the old connection ending first.
 */
class RouteHandoverTest {
    private final BinanceSpot spot = BinanceSpot.builder()
            .environment(BinanceEnvironment.custom("http://127.0.0.1:1", "ws://127.0.0.1:1", "ws://127.0.0.1:1"))
            .build();
    private final MarketStreams owner = MarketStreams.builder(spot).build(); // connects nothing until a subscribe
    private final StreamConnection old = new StreamConnection(null, null, null);
    private final StreamConnection next = new StreamConnection(null, null, null);
    private final List<Integer> delivered = new ArrayList<>();
    private final List<StreamConnection> switched = new ArrayList<>();
    private final Route route = new Route(MarketStream.raw("!bookTicker"), old, switched::add);

    {
        route.add(new Route.Sink<>(new StreamSubscription(owner, List.of("!bookTicker")), MarketStream.raw("!bookTicker"),
                (stream, e) -> delivered.add(e.get("n").asInt())));
    }

    @AfterEach
    void close() {
        owner.close();
        spot.close();
    }

    /** Event n: one of three symbols, each with its own update ids, so {@code u} goes up and down. */
    private static JsonNode event(int n) {
        int symbol = n % 3;
        long u = new long[] {9_000_000, 1_000, 400_000}[symbol] + n / 3;
        return Json.tree("{\"u\":" + u + ",\"s\":\"S" + symbol + "\",\"E\":" + (n / 4) + ",\"n\":" + n + "}");
    }

    private void send(StreamConnection from, int first, int last) {
        for (int n = first; n <= last; n++) {
            route.onEvent(from, event(n));
        }
    }

    private static List<Integer> oneTo(int last) {
        return IntStream.rangeClosed(1, last).boxed().toList();
    }

    @Test
    void aSuccessorBehindTheOldConnectionTakesOverAtItsFirstCopy() {
        send(old, 1, 5);
        route.beginHandover(old, next);
        send(old, 6, 12);
        send(next, 9, 20); // starts with copies of 9..12, then new events
        send(old, 13, 15); // the old connection is no longer listened to

        assertThat(delivered).isEqualTo(oneTo(20));
        assertThat(switched).containsExactly(old);
        assertThat(route.primary).isSameAs(next);
    }

    @Test
    void aSuccessorAheadOfTheOldConnectionIsHeldUntilTheOldOneCatchesUp() {
        send(old, 1, 5);
        route.beginHandover(old, next);
        send(old, 6, 7);
        send(next, 10, 14); // held: the old connection has not delivered 8 and 9 yet
        assertThat(delivered).isEqualTo(oneTo(7));
        send(old, 8, 10); // reaches the successor's first event: switch
        send(next, 15, 18);

        assertThat(delivered).isEqualTo(oneTo(18));
        assertThat(switched).containsExactly(old);
    }

    @Test
    void copiesAfterTheOldConnectionEndedAreDroppedAndNewEventsKept() {
        send(old, 1, 5);
        route.beginHandover(old, next);
        send(old, 6, 10);
        route.completeHandover(next, true); // e.g. serverShutdown: the old one ends before the successor sent anything
        send(next, 7, 16); // copies of 7..10 first

        assertThat(delivered).isEqualTo(oneTo(16));
    }

    @Test
    void anAbandonedSuccessorLeavesTheOldConnectionDeliveringAlone() {
        send(old, 1, 5);
        route.beginHandover(old, next);
        send(next, 6, 8); // held, ahead of the old connection
        route.abandonHandover(next);
        send(old, 6, 9);
        send(next, 7, 9); // no longer listened to

        assertThat(delivered).isEqualTo(oneTo(9));
        assertThat(route.primary).isSameAs(old);
    }
}
