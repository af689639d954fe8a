package dev.relaykit.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.core.testing.FakeClock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

class ServerClockTest {

    @Test
    void usesMidpointOfRoundTrip() {
        FakeClock local = new FakeClock(1_000);
        ServerClock clock = ServerClock.create(local);
        // the "request" takes 100 ms; the server answers 5000 -> its clock read happened at local 1050
        Duration offset = clock.measure(() -> {
            local.advance(100);
            return 5_000;
        });
        assertThat(offset).isEqualTo(Duration.ofMillis(3_950));
        assertThat(clock.millis()).isEqualTo(1_100 + 3_950);
        local.advance(10);
        assertThat(clock.instant().toEpochMilli()).isEqualTo(1_110 + 3_950);
    }

    @Test
    void reMeasuringReplacesOffsetAndFailuresKeepIt() {
        FakeClock local = new FakeClock(10_000);
        ServerClock clock = ServerClock.create(local);
        clock.measure(() -> 12_000);
        assertThat(clock.offset()).isEqualTo(Duration.ofMillis(2_000));
        clock.measure(() -> 9_000); // server now behind
        assertThat(clock.offset()).isEqualTo(Duration.ofMillis(-1_000));
        assertThat(clock.millis()).isEqualTo(9_000);
        assertThatThrownBy(() -> clock.measure(() -> {
            throw new IllegalStateException("server down");
        })).hasMessage("server down");
        assertThat(clock.offset()).isEqualTo(Duration.ofMillis(-1_000));
    }

    @Test
    void zoneViewSharesOffset() {
        ServerClock clock = ServerClock.create(java.time.Clock.fixed(java.time.Instant.EPOCH, java.time.ZoneOffset.UTC));
        var tokyo = clock.withZone(ZoneId.of("Asia/Tokyo"));
        clock.setOffset(Duration.ofMillis(42));
        assertThat(tokyo.millis()).isEqualTo(42);
        assertThat(tokyo.getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void concurrentMeasuresAndReadsSeeOnlyWholeOffsets() throws Exception {
        FakeClock local = new FakeClock(0);
        ServerClock clock = ServerClock.create(local);
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long serverTime = (t + 1) * 1_000_000L;
            all.add(new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 2_000; i++) {
                        clock.measure(() -> serverTime);
                        seen.add(clock.offset().toMillis());
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        all.forEach(Thread::start);
        for (Thread t : all) {
            t.join();
        }
        // every observed offset is one some thread measured (local clock is fixed at 0)
        assertThat(seen).allMatch(o -> o % 1_000_000L == 0 && o >= 1_000_000L && o <= threads * 1_000_000L);
    }
}
