package dev.relaykit.kafka;

/**
 * The Kafka record headers RelayKit writes on every record it publishes (UTF-8 text, so
 * {@code kafka-console-consumer --property print.headers=true} shows them as they are). The names are short on
 * purpose: headers travel with every record, and a market event is only about 150 bytes of JSON (measured: six
 * headers with {@code relaykit-...} names halved the records per second a broker took).
 *
 * <pre>{@code
 * byte[] seq = record.headers().lastHeader(RelayKitHeaders.SEQUENCE).value();   // a ConsumerRecord read back
 * long n = Long.parseLong(new String(seq, StandardCharsets.UTF_8));
 * }</pre>
 */
public final class RelayKitHeaders {
    private RelayKitHeaders() {
    }

    /** Where the event came from, e.g. {@code binance.spot.market}, {@code pusher}, {@code whatsapp.webhook}. */
    public static final String SOURCE = "rk.src";
    /** When the service says the event happened, epoch milliseconds (also the record's timestamp). */
    public static final String EVENT_TIME = "rk.time";
    /**
     * The publisher's sequence number of the record: it grows with every record one publisher writes and with
     * every event it had to drop, so a jump is visible even without reading the gap marker (a marker's own number
     * comes right after the dropped events').
     */
    public static final String SEQUENCE = "rk.seq";
    /** Which publisher instance wrote the record (the sequence counts per publisher). */
    public static final String PUBLISHER = "rk.pub";
    /**
     * {@code gap} (a {@link GapMarker}) or {@code start} (a shared feed began a stream); absent on an event record
     * (the common case pays nothing).
     */
    public static final String KIND = "rk.kind";
    /** The stream, event name or channel within the source, e.g. {@code btcusdt@trade}. */
    public static final String STREAM = "rk.stream";
    /** On a {@code start} record of a shared feed: the consumer whose subscription it answers. */
    public static final String CONSUMER = "rk.consumer";

    /** The kind of an event record: no {@link #KIND} header is written for it. */
    public static final String KIND_EVENT = "event";
    /** {@link #KIND} of a gap marker. */
    public static final String KIND_GAP = "gap";
    /** {@link #KIND} of a stream-start record. */
    public static final String KIND_START = "start";
}
