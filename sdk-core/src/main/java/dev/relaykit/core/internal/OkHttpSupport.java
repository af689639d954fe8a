package dev.relaykit.core.internal;

import java.io.IOException;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.WebSocket;
import okhttp3.internal.ws.RealWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API: which OkHttp is on the classpath, whether RelayKit supports it, and the one thing RelayKit
 * reads from OkHttp's internals (the WebSocket ping and pong counters).
 *
 * <p>RelayKit is built against OkHttp 4.12 and tested on 4.12 and 5.x (the build runs sdk-core's and the
 * testkit's transport tests a second time on OkHttp 5). Anything older than 4.12 or newer than 5.x is
 * refused when the first client is built, with a message that names the version found and where it
 * came from, instead of failing later with a {@code NoSuchMethodError} deep inside a call.
 *
 * <p>Pong tracking: OkHttp has no public API for "a ping is unanswered", so the heartbeat reads
 * {@code RealWebSocket.sentPingCount()} and {@code receivedPongCount()}, present in 4.x and 5.x. They
 * are looked up once; if a future OkHttp drops them, heartbeats still work through OkHttp's own check
 * (a ping unanswered when the next is due fails the connection), only the shorter timeout is lost.
 */
public final class OkHttpSupport {
    /** The OkHttp versions RelayKit supports, as the error message names them. */
    public static final String SUPPORTED = "OkHttp 4.12.x or 5.x";

    private static final Logger LOG = LoggerFactory.getLogger(OkHttpSupport.class);
    private static final String VERSION = readVersion();
    private static final String PROBLEM = problem(VERSION, location());
    private static final boolean COUNTERS = probeCounters();
    private static volatile boolean duplicatesChecked;

    private OkHttpSupport() {
    }

    /**
     * @return the version of the OkHttp on the classpath (its {@code okhttp3.OkHttp.VERSION}, read at run
     *     time: the compiled-in constant would always say 4.12.0), or {@code null} for an OkHttp older than
     *     4.x, which has no such constant
     */
    public static String version() {
        return VERSION;
    }

    /**
     * Fails if the OkHttp on the classpath is not one RelayKit supports; warns once if two OkHttp jars are on
     * the classpath. Cheap after the first call. Every client that builds an {@code OkHttpClient} calls it.
     *
     * @throws IllegalStateException naming the version found, where it came from, and {@link #SUPPORTED}
     */
    public static void check() {
        if (PROBLEM != null) {
            throw new IllegalStateException(PROBLEM);
        }
        if (!duplicatesChecked) {
            duplicatesChecked = true;
            List<URL> copies = copiesOnClasspath();
            if (copies.size() > 1) {
                LOG.warn("{} copies of OkHttp are on the classpath, so its classes may come from different versions: {}."
                        + " With OkHttp 5 in Maven, depend on com.squareup.okhttp3:okhttp-jvm and exclude"
                        + " com.squareup.okhttp3:okhttp from RelayKit (README, Compatibility)", copies.size(), copies);
            }
        }
    }

    /**
     * @return whether {@link #pingCounts(WebSocket)} can read OkHttp's ping and pong counters
     */
    public static boolean pingCountersAvailable() {
        return COUNTERS;
    }

    /**
     * @param socket a WebSocket OkHttp opened
     * @return {@code {pings sent, pongs received}}, or {@code null} if this OkHttp does not expose them
     */
    public static int[] pingCounts(WebSocket socket) {
        if (COUNTERS && socket instanceof RealWebSocket rws) {
            return new int[] {rws.sentPingCount(), rws.receivedPongCount()};
        }
        return null;
    }

    /**
     * @param version an OkHttp version, {@code null} for one older than 4.x
     * @param where where it was loaded from, for the message
     * @return why it is not supported, or {@code null} if it is
     */
    static String problem(String version, String where) {
        int major = -1;
        int minor = -1;
        if (version != null) {
            String[] parts = version.split("[.-]");
            try {
                major = Integer.parseInt(parts[0]);
                minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            } catch (NumberFormatException e) {
                return null; // a build we cannot read (a snapshot, a fork): let it try rather than refuse
            }
        }
        if ((major == 4 && minor >= 12) || major == 5) {
            return null;
        }
        return "RelayKit needs " + SUPPORTED + ", but the classpath has OkHttp "
                + (version != null ? version : "older than 4") + (where != null ? " (from " + where + ")" : "")
                + ". Pin com.squareup.okhttp3:okhttp to 4.12.0 (or use com.squareup.okhttp3:okhttp-jvm 5.x)"
                + " in your build: a BOM or dependencyManagement entry is choosing this one";
    }

    private static String readVersion() {
        try {
            Class<?> c = Class.forName("okhttp3.OkHttp", true, OkHttpClient.class.getClassLoader());
            return String.valueOf(c.getField("VERSION").get(null));
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    private static String location() {
        try {
            CodeSource cs = OkHttpClient.class.getProtectionDomain().getCodeSource();
            return cs != null && cs.getLocation() != null ? cs.getLocation().toString() : null;
        } catch (SecurityException e) {
            return null;
        }
    }

    private static boolean probeCounters() {
        try {
            Class<?> c = Class.forName("okhttp3.internal.ws.RealWebSocket", false, OkHttpClient.class.getClassLoader());
            return c.getMethod("sentPingCount").getReturnType() == int.class
                    && c.getMethod("receivedPongCount").getReturnType() == int.class;
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.warn("this OkHttp ({}) does not expose its WebSocket ping counters: a heartbeat's pong timeout is"
                    + " its ping interval (OkHttp's own check)", VERSION);
            return false;
        }
    }

    /** @return where {@code okhttp3/OkHttpClient.class} can be loaded from; more than one is a conflict */
    static List<URL> copiesOnClasspath() {
        ClassLoader cl = OkHttpClient.class.getClassLoader();
        try {
            return cl == null ? List.of() : new ArrayList<>(Collections.list(cl.getResources("okhttp3/OkHttpClient.class")));
        } catch (IOException e) {
            return List.of();
        }
    }
}
