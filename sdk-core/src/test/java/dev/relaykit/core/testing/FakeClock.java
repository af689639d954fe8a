package dev.relaykit.core.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to; thread-safe. */
public final class FakeClock extends Clock {
    private final AtomicLong millis;

    public FakeClock(long startMillis) {
        this.millis = new AtomicLong(startMillis);
    }

    public void set(long value) {
        millis.set(value);
    }

    public long advance(long delta) {
        return millis.addAndGet(delta);
    }

    /** Moves forward to {@code target} unless already past it. */
    public void advanceTo(long target) {
        millis.accumulateAndGet(target, Math::max);
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
