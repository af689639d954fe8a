package dev.relaykit.core.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.core.RateLimitedException;
import dev.relaykit.core.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final int THREADS = 8;

    private static Map<Long, Integer> countByWindow(Iterable<Long> grants, long windowMillis, int weight) {
        Map<Long, Integer> counts = new TreeMap<>();
        for (long g : grants) {
            counts.merge(Math.floorDiv(g, windowMillis), weight, Integer::sum);
        }
        return counts;
    }

    private static void runAll(List<Thread> threads) throws InterruptedException {
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(60_000);
            assertThat(t.isAlive()).as("thread finished").isFalse();
        }
    }

    @Test
    void failFastNeverLetsMoreThanTheBudgetThroughAnyWindow() throws Exception {
        FakeClock clock = new FakeClock(0);
        RateLimit perSecond = RateLimit.requests(5, Duration.ofSeconds(1));
        RateLimit weightPer3s = RateLimit.weight(20, Duration.ofSeconds(3));
        RateLimiter limiter = RateLimiter.builder().limit(perSecond).limit(weightPer3s)
                .mode(RateLimiter.Mode.FAIL_FAST).clock(clock).build();
        long end = 30_000;
        AtomicLong attempts = new AtomicLong();
        ConcurrentLinkedQueue<Long> grants = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        CyclicBarrier start = new CyclicBarrier(THREADS + 1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    while (clock.millis() < end) {
                        attempts.incrementAndGet();
                        try {
                            grants.add(limiter.acquire(3));
                        } catch (RateLimitedException e) {
                            if (!e.isLocal() || e.httpStatus() != 0 || !e.retryAt().isAfter(Instant.ofEpochMilli(0))) {
                                unexpected.add(e);
                            }
                        }
                    }
                } catch (Exception e) {
                    unexpected.add(e);
                }
            }));
        }
        // moves the clock 37 ms forward after every 100 more attempts at the current time
        threads.add(new Thread(() -> {
            try {
                start.await();
                while (clock.millis() < end) {
                    long base = attempts.get();
                    while (attempts.get() < base + 100) {
                        Thread.onSpinWait();
                    }
                    clock.advance(37);
                }
            } catch (Exception e) {
                unexpected.add(e);
            }
        }));
        runAll(threads);

        assertThat(unexpected).isEmpty();
        Map<Long, Integer> perSecondCounts = countByWindow(grants, 1_000, 1);
        Map<Long, Integer> weightCounts = countByWindow(grants, 3_000, 3);
        assertThat(perSecondCounts.values()).allMatch(c -> c <= 5);
        assertThat(weightCounts.values()).allMatch(w -> w <= 20);
        // every 3 s window before the end was hammered enough to be filled to its budget:
        // 6 requests of weight 3 (the weight limit binds before the 5-per-second one)
        for (long window = 0; window < end / 3_000; window++) {
            assertThat(weightCounts.get(window)).as("weight in window %d", window).isEqualTo(18);
        }
    }

    @Test
    void waitModeLetsEveryoneThroughInLaterWindows() throws Exception {
        FakeClock clock = new FakeClock(500);
        RateLimit perSecond = RateLimit.requests(5, Duration.ofSeconds(1));
        RateLimit weightPer10s = RateLimit.weight(40, Duration.ofSeconds(10));
        RateLimiter limiter = RateLimiter.builder().limit(perSecond).limit(weightPer10s)
                .mode(RateLimiter.Mode.WAIT).clock(clock).maxWait(Duration.ofHours(1))
                // instead of sleeping, a waiting caller moves the fake clock to when it may go
                .waiter((millis, until) -> clock.advanceTo(until))
                .build();
        int perThread = 10;
        ConcurrentLinkedQueue<Long> grants = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        grants.add(limiter.acquire(2));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        runAll(threads);

        assertThat(failures).isEmpty();
        assertThat(grants).hasSize(THREADS * perThread);
        Map<Long, Integer> perSecondCounts = countByWindow(grants, 1_000, 1);
        Map<Long, Integer> weightCounts = countByWindow(grants, 10_000, 2);
        assertThat(perSecondCounts.values()).allMatch(c -> c <= 5);
        assertThat(weightCounts.values()).allMatch(w -> w <= 40);
        // 80 requests of weight 2 at 40 weight per 10 s need at least 4 windows of 10 s
        assertThat(weightCounts.size()).isGreaterThanOrEqualTo(4);
        assertThat(clock.millis()).isGreaterThanOrEqualTo(30_000);
    }

    @Test
    void windowsAreAlignedToTheEpoch() {
        FakeClock clock = new FakeClock(59_900);
        RateLimit perMinute = RateLimit.requests(2, Duration.ofMinutes(1));
        RateLimiter limiter = RateLimiter.builder().limit(perMinute).clock(clock).build();
        assertThat(limiter.tryAcquire(1)).isZero();
        assertThat(limiter.tryAcquire(1)).isZero();
        // the minute window ends at 60 000, not 59 900 + 60 000
        assertThat(limiter.tryAcquire(1)).isEqualTo(Duration.ofMillis(100));
        clock.set(60_000);
        assertThat(limiter.tryAcquire(1)).isZero();
        assertThat(limiter.used(perMinute)).isEqualTo(1);
    }

    @Test
    void serverCountWinsWhenHigher() {
        FakeClock clock = new FakeClock(120_000);
        RateLimit weight = RateLimit.weight(1200, Duration.ofMinutes(1)).withServerHeader("X-MBX-USED-WEIGHT-1M");
        RateLimiter limiter = RateLimiter.builder().limit(weight).clock(clock)
                .mode(RateLimiter.Mode.FAIL_FAST).build();
        limiter.acquire(10);
        limiter.updateFromHeaders(Map.of("X-MBX-USED-WEIGHT-1M", "1195")::get);
        assertThat(limiter.used(weight)).isEqualTo(1195);
        limiter.updateFromHeaders(Map.of("X-MBX-USED-WEIGHT-1M", "7")::get); // lower: ignored
        assertThat(limiter.used(weight)).isEqualTo(1195);
        limiter.updateFromHeaders(Map.of("X-MBX-USED-WEIGHT-1M", "junk")::get); // unreadable: ignored
        limiter.updateFromHeaders(Map.<String, String>of()::get); // absent: ignored
        assertThat(limiter.used(weight)).isEqualTo(1195);

        limiter.acquire(5);
        assertThatThrownBy(() -> limiter.acquire(1))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.isLocal()).isTrue();
                    assertThat(e.retryAt()).isEqualTo(Instant.ofEpochMilli(180_000));
                });
    }

    @Test
    void holdRefusesEverythingUntilThen() {
        FakeClock clock = new FakeClock(1_000);
        RateLimiter limiter = RateLimiter.builder().limit(RateLimit.requests(100, Duration.ofSeconds(1)))
                .clock(clock).mode(RateLimiter.Mode.FAIL_FAST).build();
        limiter.holdUntil(Instant.ofEpochMilli(5_000));
        limiter.holdUntil(Instant.ofEpochMilli(2_000)); // an earlier hold never shortens it
        assertThat(limiter.tryAcquire(1)).isEqualTo(Duration.ofMillis(4_000));
        assertThatThrownBy(() -> limiter.acquire(1)).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.retryAt()).isEqualTo(Instant.ofEpochMilli(5_000)));
        clock.set(5_000);
        assertThat(limiter.tryAcquire(1)).isZero();
    }

    @Test
    void waitLongerThanMaxWaitFails() {
        FakeClock clock = new FakeClock(0);
        RateLimiter limiter = RateLimiter.builder().limit(RateLimit.requests(1, Duration.ofMinutes(1)))
                .clock(clock).maxWait(Duration.ofSeconds(5))
                .waiter((millis, until) -> clock.advanceTo(until)).build();
        limiter.acquire(1);
        assertThatThrownBy(() -> limiter.acquire(1)).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.isLocal()).isTrue());
        assertThat(clock.millis()).as("did not wait").isZero();
    }

    @Test
    void reserveNeverBlocksAndCountsTheTimeAlreadyWaitedAgainstMaxWait() {
        FakeClock clock = new FakeClock(0);
        RateLimit perSecond = RateLimit.requests(1, Duration.ofSeconds(1)).named("orders/1s");
        RateLimiter limiter = RateLimiter.builder().limit(perSecond).clock(clock)
                .maxWait(Duration.ofMillis(1_500)).build();
        assertThat(limiter.reserve(1, 0)).isZero();
        assertThat(limiter.used(perSecond)).isEqualTo(1);
        // no room: says how long to wait, charges nothing, does not move the clock
        assertThat(limiter.reserve(1, 0)).isEqualTo(1_000);
        assertThat(limiter.used(perSecond)).isEqualTo(1);
        assertThat(clock.millis()).isZero();
        // 600 ms already waited + 1 000 more > 1 500: refused, naming the limit that blocked
        assertThatThrownBy(() -> limiter.reserve(1, 600)).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.isLocal()).isTrue();
            assertThat(e.httpStatus()).isZero();
            assertThat(e.retryAt()).isEqualTo(Instant.ofEpochMilli(1_000));
            assertThat(e.getMessage()).contains("orders/1s");
        });
        clock.set(1_000);
        assertThat(limiter.reserve(1, 1_000)).isZero();
        assertThat(limiter.used(perSecond)).isEqualTo(1);

        RateLimiter failFast = RateLimiter.builder().limit(perSecond).clock(clock)
                .mode(RateLimiter.Mode.FAIL_FAST).build();
        assertThat(failFast.reserve(1, 0)).isZero();
        assertThatThrownBy(() -> failFast.reserve(1, 0)).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.isLocal()).isTrue();
            assertThat(e.retryAt()).isEqualTo(Instant.ofEpochMilli(2_000));
            assertThat(e.getMessage()).contains("orders/1s");
        });
        assertThatThrownBy(() -> failFast.reserve(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBanRefusesAtOnceInEveryModeWithTheTimeLeft() {
        for (RateLimiter.Mode mode : RateLimiter.Mode.values()) {
            FakeClock clock = new FakeClock(10_000);
            RateLimiter limiter = RateLimiter.builder().limit(RateLimit.requests(100, Duration.ofSeconds(1)))
                    .clock(clock).mode(mode).maxWait(Duration.ofHours(1))
                    // a wait would move the fake clock: it must not move
                    .waiter((millis, until) -> clock.advanceTo(until))
                    .build();
            limiter.ban(Instant.ofEpochMilli(70_000));
            limiter.ban(Instant.ofEpochMilli(20_000)); // an earlier ban never shortens it
            assertThat(limiter.bannedUntil()).isEqualTo(Instant.ofEpochMilli(70_000));
            assertThatThrownBy(() -> limiter.acquire(1)).as(mode.name())
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                        assertThat(e.isLocal()).isTrue();
                        assertThat(e.httpStatus()).isEqualTo(418);
                        assertThat(e.retryAt()).isEqualTo(Instant.ofEpochMilli(70_000));
                        assertThat(e.getMessage()).contains("banned").contains("PT1M");
                    });
            assertThatThrownBy(() -> limiter.reserve(1, 0)).isInstanceOf(RateLimitedException.class);
            assertThatThrownBy(limiter::checkNotBanned).isInstanceOf(RateLimitedException.class);
            assertThat(limiter.tryAcquire(1)).isEqualTo(Duration.ofMinutes(1));
            assertThat(clock.millis()).as("never waited in " + mode).isEqualTo(10_000);
            clock.set(70_000);
            assertThat(limiter.bannedUntil()).isNull();
            limiter.checkNotBanned();
            assertThat(limiter.acquire(1)).isEqualTo(70_000);
        }
    }

    @Test
    void aBanWakesACallerWaitingForAWindowAndRefusesIt() throws Exception {
        // one request per minute: the second caller waits for the next minute (maxWait allows it)
        // a fake clock that stands still at the start of the window: the waiter sleeps the full minute
        FakeClock clock = new FakeClock(0);
        RateLimiter limiter = RateLimiter.builder().limit(RateLimit.requests(1, Duration.ofMinutes(1)))
                .clock(clock).mode(RateLimiter.Mode.WAIT).maxWait(Duration.ofMinutes(2)).build();
        limiter.acquire(1);
        java.util.concurrent.CompletableFuture<Long> waiting =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> limiter.acquire(1));
        Thread.sleep(200);
        assertThat(waiting).isNotDone();
        long start = System.nanoTime();
        limiter.ban(Instant.ofEpochMilli(3_600_000));
        assertThatThrownBy(() -> waiting.get(5, java.util.concurrent.TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.httpStatus()).isEqualTo(418));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aServerHoldIsWaitedOutOnlyWhenItFitsInMaxWait() {
        FakeClock clock = new FakeClock(0);
        RateLimiter limiter = RateLimiter.builder().limit(RateLimit.requests(100, Duration.ofSeconds(1)))
                .clock(clock).mode(RateLimiter.Mode.WAIT).maxWait(Duration.ofSeconds(5))
                .waiter((millis, until) -> clock.advanceTo(until)).build();
        limiter.holdUntil(Instant.ofEpochMilli(3_000)); // a 429 with Retry-After: 3
        assertThat(limiter.acquire(1)).isEqualTo(3_000);
        limiter.holdUntil(Instant.ofEpochMilli(20_000)); // Retry-After longer than maxWait: no wait at all
        assertThatThrownBy(() -> limiter.acquire(1)).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.isLocal()).isTrue();
            assertThat(e.retryAt()).isEqualTo(Instant.ofEpochMilli(20_000));
        });
        assertThat(clock.millis()).isEqualTo(3_000);
    }

    @Test
    void rejectsImpossibleWeights() {
        RateLimiter limiter = RateLimiter.builder().limit(RateLimit.weight(10, Duration.ofSeconds(1))).build();
        assertThatThrownBy(() -> limiter.tryAcquire(11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter.tryAcquire(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimit.requests(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
