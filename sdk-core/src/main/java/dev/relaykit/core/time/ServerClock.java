package dev.relaykit.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A clock that runs at the server's time: the local clock plus a measured offset.
 *
 * <p>Signed requests carry a timestamp the server checks against its own clock (Binance refuses one
 * more than {@code recvWindow} behind or 1 s ahead). {@link #measure(LongSupplier)} asks the server
 * for its time (for example {@code GET /api/v3/time}) and assumes the server read its clock at the
 * midpoint of the round trip: {@code offset = serverTime - (sent + received) / 2}. Measure again
 * whenever you like; the new offset replaces the old one atomically.
 *
 * <p>Being a {@link Clock}, it plugs in wherever a clock is taken: a signer's timestamps, a rate
 * limiter's windows. It is thread-safe; {@link #withZone(ZoneId)} returns a view sharing the same
 * offset.
 */
public final class ServerClock extends Clock {
    private final Clock local;
    private final AtomicLong offsetMillis;

    private ServerClock(Clock local, AtomicLong offsetMillis) {
        this.local = local;
        this.offsetMillis = offsetMillis;
    }

    /**
     * A server clock over the system UTC clock, offset zero until measured.
     *
     * @return a new server clock
     */
    public static ServerClock create() {
        return create(Clock.systemUTC());
    }

    /**
     * A server clock over a given local clock (a fixed or fake clock in tests), offset zero until
     * measured.
     *
     * @param local the local clock
     * @return a new server clock
     */
    public static ServerClock create(Clock local) {
        return new ServerClock(Objects.requireNonNull(local, "local"), new AtomicLong());
    }

    /**
     * Measures the offset: reads the local clock, calls {@code serverTimeMillis}, reads the local
     * clock again, and takes the server's answer as the time at the midpoint.
     *
     * @param serverTimeMillis returns the server's current time in epoch milliseconds; any
     *     exception it throws propagates and leaves the offset unchanged
     * @return the new offset (positive when the server is ahead)
     */
    public Duration measure(LongSupplier serverTimeMillis) {
        long sent = local.millis();
        long server = serverTimeMillis.getAsLong();
        long received = local.millis();
        long midpoint = sent + (received - sent) / 2;
        long offset = server - midpoint;
        offsetMillis.set(offset);
        return Duration.ofMillis(offset);
    }

    /**
     * Sets the offset directly, for an offset learned elsewhere.
     *
     * @param offset how far the server is ahead of the local clock (negative when behind)
     */
    public void setOffset(Duration offset) {
        offsetMillis.set(offset.toMillis());
    }

    /** @return how far the server is ahead of the local clock (negative when behind) */
    public Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }

    /** @return the server's time in epoch milliseconds: local time plus the offset */
    @Override
    public long millis() {
        return local.millis() + offsetMillis.get();
    }

    /** @return the server's time */
    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    /** @return the local clock's zone */
    @Override
    public ZoneId getZone() {
        return local.getZone();
    }

    /**
     * @param zone the zone
     * @return a view in another zone that shares this clock's offset
     */
    @Override
    public Clock withZone(ZoneId zone) {
        return new ServerClock(local.withZone(zone), offsetMillis);
    }

    @Override
    public String toString() {
        return "ServerClock[offset=" + offsetMillis.get() + "ms]";
    }
}
