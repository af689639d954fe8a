package dev.relaykit.telegram.tdlib;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import dev.relaykit.core.json.Json;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native {@code libtdjson}, bound with JNA: TDLib's real JSON interface.
 *
 * <p><b>Where it is found</b>, in this order: the path given to {@link #load(Path)}; else the system
 * property {@value #PATH_PROPERTY} or the environment variable {@value #PATH_ENV} (a file); else each
 * directory of {@code java.library.path}, then the system's own library search (by the name
 * {@code tdjson}). A place the user named is the only one tried: a wrong path is an error, never a
 * silent fall-back to some other copy. Anything missing or wrong ends in one
 * {@link TdLibraryException} that lists every place tried and how to get the library.
 *
 * <p><b>Getting libtdjson.</b> Build TDLib (https://tdlib.github.io/td/build.html), or take the
 * prebuilt one from npm: {@code npm pack @prebuilt-tdlib/linux-x64-glibc} holds {@code libtdjson.so}
 * (TDLib 1.8.67, OpenSSL and zlib linked in, glibc 2.17 or later); other {@code @prebuilt-tdlib/*}
 * packages exist for macOS and Windows.
 *
 * <p><b>Version.</b> On load the library's version is read ({@code td_execute} of
 * {@code getOption("version")}); one older than {@value #TESTED_VERSION}, the version RelayKit is
 * tested with, is logged as a warning (TDLib's API changes between versions).
 *
 * <p>One instance per library file and process: {@link #load} returns the same object for the same
 * file, so every {@link TdClient} on it shares TDLib's one receive loop.
 *
 * <pre>{@code
 * TdJson td = NativeTdJson.load();                                  // property, env var, java.library.path
 * TdJson td2 = NativeTdJson.load(Path.of("/opt/tdlib/libtdjson.so")); // or exactly this file
 * System.out.println(((NativeTdJson) td).version());                // "1.8.67"
 * }</pre>
 */
public final class NativeTdJson implements TdJson {
    /** The system property naming the library file: {@value}. */
    public static final String PATH_PROPERTY = "relaykit.tdjson.path";
    /** The environment variable naming the library file: {@value}. */
    public static final String PATH_ENV = "RELAYKIT_TDJSON_PATH";
    /** The TDLib version RelayKit is tested with: {@value}. */
    public static final String TESTED_VERSION = "1.8.67";

    private static final Logger LOG = LoggerFactory.getLogger(NativeTdJson.class);
    private static final String HOW_TO_GET = "Get libtdjson by building TDLib (https://tdlib.github.io/td/build.html)"
            + " or from the npm package @prebuilt-tdlib/linux-x64-glibc (npm pack it; the .tgz holds"
            + " package/libtdjson.so), then pass its path to NativeTdJson.load(Path), set -D" + PATH_PROPERTY
            + " or " + PATH_ENV + ", or put it on java.library.path";
    private static final Map<String, NativeTdJson> LOADED = new ConcurrentHashMap<>();

    /** The C functions of td_json_client.h; JNA copies each returned string before the next call. */
    interface TdJsonLibrary extends Library {
        int td_create_client_id();

        void td_send(int clientId, String request);

        String td_receive(double timeout);

        String td_execute(String request);
    }

    private final TdJsonLibrary lib;
    private final String file;
    private final String version;
    private final Object receiveLock = new Object();

    private NativeTdJson(TdJsonLibrary lib, String file, String version) {
        this.lib = lib;
        this.file = file;
        this.version = version;
    }

    /**
     * Loads libtdjson from the system property, the environment variable or {@code java.library.path}
     * (see the class comment).
     *
     * @return the library
     * @throws TdLibraryException if it is missing or not TDLib's JSON interface
     */
    public static NativeTdJson load() {
        String named = System.getProperty(PATH_PROPERTY);
        String source = "system property " + PATH_PROPERTY;
        if (named == null || named.isBlank()) {
            named = System.getenv(PATH_ENV);
            source = "environment variable " + PATH_ENV;
        }
        if (named != null && !named.isBlank()) {
            return loadFile(Path.of(named), source);
        }
        List<String> tried = new ArrayList<>();
        String mapped = System.mapLibraryName("tdjson");
        String paths = System.getProperty("java.library.path", "");
        for (String dir : paths.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, mapped);
            tried.add(candidate.toString());
            if (Files.isRegularFile(candidate)) {
                return loadFile(candidate, "java.library.path");
            }
        }
        tried.add("the system's library search for \"tdjson\"");
        try {
            return loaded("tdjson", "the system's library search");
        } catch (TdLibraryException e) {
            throw new TdLibraryException("libtdjson not found. Neither " + PATH_PROPERTY + " nor " + PATH_ENV
                    + " is set; looked in: " + String.join(", ", tried) + ". " + HOW_TO_GET, e.getCause());
        }
    }

    /**
     * Loads exactly this file.
     *
     * @param file the libtdjson file ({@code libtdjson.so}, {@code libtdjson.dylib}, {@code tdjson.dll})
     * @return the library
     * @throws TdLibraryException if it is missing or not TDLib's JSON interface
     */
    public static NativeTdJson load(Path file) {
        return loadFile(file, "the path given to NativeTdJson.load");
    }

    private static NativeTdJson loadFile(Path file, String source) {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs)) {
            throw new TdLibraryException("libtdjson not found: " + abs + " (from " + source + ") is not a file. "
                    + HOW_TO_GET, null);
        }
        return loaded(abs.toString(), source);
    }

    private static NativeTdJson loaded(String name, String source) {
        NativeTdJson known = LOADED.get(name);
        if (known != null) {
            return known;
        }
        synchronized (LOADED) {
            known = LOADED.get(name);
            if (known != null) {
                return known;
            }
            NativeTdJson td = open(name, source);
            LOADED.put(name, td);
            return td;
        }
    }

    private static NativeTdJson open(String name, String source) {
        Map<String, Object> options = Map.of(Library.OPTION_STRING_ENCODING, "UTF-8");
        TdJsonLibrary lib;
        try {
            NativeLibrary nl = NativeLibrary.getInstance(name, options);
            // fail now, with a clear message, if this is some other library
            for (String f : List.of("td_create_client_id", "td_send", "td_receive", "td_execute")) {
                nl.getFunction(f);
            }
            lib = Native.load(name, TdJsonLibrary.class, options);
        } catch (UnsatisfiedLinkError | IllegalArgumentException e) {
            throw new TdLibraryException("could not load libtdjson from " + name + " (from " + source + ") on "
                    + Platform.RESOURCE_PREFIX + ": " + e.getMessage() + ". It must be TDLib's JSON interface"
                    + " (td_create_client_id, td_send, td_receive, td_execute) built for this platform. "
                    + HOW_TO_GET, e);
        }
        String version = readVersion(lib);
        if (olderThan(version, TESTED_VERSION)) {
            LOG.warn("libtdjson {} at {} is TDLib {}, older than {}, the version RelayKit is tested with;"
                    + " requests and objects may differ", name, source, version, TESTED_VERSION);
        } else {
            LOG.debug("loaded libtdjson {} (TDLib {}) from {}", name, version, source);
        }
        return new NativeTdJson(lib, name, version);
    }

    private static String readVersion(TdJsonLibrary lib) {
        String answer = lib.td_execute("{\"@type\":\"getOption\",\"name\":\"version\"}");
        JsonNode node = answer == null ? null : Json.tree(answer);
        if (node == null || !"optionValueString".equals(node.path("@type").asText())) {
            return "unknown";
        }
        return node.path("value").asText("unknown");
    }

    /** Compares dotted versions numerically; an unreadable one counts as older. */
    static boolean olderThan(String version, String than) {
        String[] a = version.split("\\.");
        String[] b = than.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x;
            try {
                x = i < a.length ? Integer.parseInt(a[i]) : 0;
            } catch (NumberFormatException e) {
                return true;
            }
            int y = i < b.length ? Integer.parseInt(b[i]) : 0;
            if (x != y) {
                return x < y;
            }
        }
        return false;
    }

    /** @return TDLib's version as the library reports it ({@code "1.8.67"}), or {@code "unknown"} */
    public String version() {
        return version;
    }

    /** @return the file (or library name) this was loaded from */
    public String file() {
        return file;
    }

    @Override
    public int createClientId() {
        return lib.td_create_client_id();
    }

    @Override
    public void send(int clientId, String request) {
        lib.td_send(clientId, request);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Serialized on this instance (one per library file): TDLib aborts the process (a {@code LOG(FATAL)},
     * SIGABRT) when {@code td_receive} runs on two threads at once, which two receive loops would do if the
     * library were reached through two {@link TdJson} objects (a wrapper around this one, say). A second
     * caller waits for the first one's call to return instead.
     */
    @Override
    public String receive(double timeoutSeconds) {
        synchronized (receiveLock) {
            return lib.td_receive(timeoutSeconds);
        }
    }

    @Override
    public String execute(String request) {
        return lib.td_execute(request);
    }

    @Override
    public String toString() {
        return "NativeTdJson[" + file + ", TDLib " + version + "]";
    }
}
