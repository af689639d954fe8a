package dev.relaykit.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Opens the official USD-M futures connector's WebSocket stream client
 * ({@code io.github.binance:binance-derivatives-trading-usds-futures}) in a class loader of its own.
 *
 * <p>Why: the connector's WebSocket client is Jetty 11's, and this module also holds Jetty 12 (the
 * webhook server); both versions use the same package names, so one class path cannot carry both.
 * The build leaves Jetty 11 out of the class path and copies its jars to
 * {@code benchmarks/target/connector-jetty11/}; this loader puts them, the connector and
 * {@link UsdsFuturesConnectorStreams} first, and asks the normal class path for everything else
 * (Gson, Jackson, RelayKit's records, the JDK). The two sides talk through JDK types only.
 */
final class UsdsFuturesConnector {
    private static final String GLUE = "dev.relaykit.benchmarks.UsdsFuturesConnectorStreams";
    private static final String[] OWN = {"org.eclipse.jetty.", "com.binance.connector.client.common.",
        "com.binance.connector.client.derivatives_trading_usds_futures.", GLUE};
    private static ClassLoader loader;

    private UsdsFuturesConnector() {
    }

    /**
     * Connects the connector to {@code baseUrl + "/stream"} and subscribes one stream; a thread of its
     * own takes each message from the connector's queue and hands it on.
     *
     * @param baseUrl e.g. {@code ws://127.0.0.1:PORT}
     * @param depth {@code true} for {@code btcusdt@depth@100ms}, else {@code btcusdt@markPrice@1s}
     * @param typed {@code true}: the connector's own model ({@code take()}); else its raw string
     * @param sink receives each message
     * @return closes the consumer thread and the connection
     */
    static AutoCloseable open(String baseUrl, boolean depth, boolean typed, Consumer<Object> sink) {
        Thread current = Thread.currentThread();
        ClassLoader before = current.getContextClassLoader();
        // Jetty finds its WebSocket extensions through ServiceLoader on the context class loader, and
        // the threads it starts inherit it
        current.setContextClassLoader(loader());
        try {
            return (AutoCloseable) loader().loadClass(GLUE)
                    .getMethod("open", String.class, boolean.class, boolean.class, Consumer.class)
                    .invoke(null, baseUrl, depth, typed, sink);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot open the futures connector", e.getCause() != null ? e.getCause() : e);
        } finally {
            current.setContextClassLoader(before);
        }
    }

    private static synchronized ClassLoader loader() {
        if (loader == null) {
            ClassLoader parent = UsdsFuturesConnector.class.getClassLoader();
            List<URL> urls = new ArrayList<>();
            Path jetty = jetty11Dir();
            try (Stream<Path> jars = Files.list(jetty)) {
                for (Path p : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                    urls.add(p.toUri().toURL());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no Jetty 11 jars in " + jetty + " (built by `package`/`test`)", e);
            }
            if (urls.isEmpty()) {
                throw new IllegalStateException("no Jetty 11 jars in " + jetty);
            }
            urls.add(origin(parent, "com/binance/connector/client/common/websocket/adapter/ConnectionWrapper.class"));
            urls.add(origin(parent, "com/binance/connector/client/derivatives_trading_usds_futures/websocket/stream/"
                    + "api/DerivativesTradingUsdsFuturesWebSocketStreams.class"));
            urls.add(origin(parent, GLUE.replace('.', '/') + ".class"));
            loader = new OwnFirst(urls.toArray(URL[]::new), parent);
        }
        return loader;
    }

    /** {@code target/connector-jetty11}, next to this module's classes or its shaded jar. */
    private static Path jetty11Dir() {
        String override = System.getProperty("relaykit.bench.jetty11");
        if (override != null) {
            return Paths.get(override);
        }
        try {
            Path here = Paths.get(UsdsFuturesConnector.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return here.getParent().resolve("connector-jetty11");
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The jar or class directory a resource comes from. */
    private static URL origin(ClassLoader cl, String resource) {
        URL u = cl.getResource(resource);
        if (u == null) {
            throw new IllegalStateException("not on the class path: " + resource);
        }
        String s = u.toString();
        try {
            if (s.startsWith("jar:")) {
                return new URL(s.substring(4, s.indexOf("!/")));
            }
            return new URL(s.substring(0, s.length() - resource.length()));
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads {@link #OWN}'s packages from its own URLs first, everything else from the parent. */
    private static final class OwnFirst extends URLClassLoader {
        OwnFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null && own(name)) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException e) {
                        // not in our jars: the parent's
                    }
                }
                if (c == null) {
                    return super.loadClass(name, resolve);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        private static boolean own(String name) {
            for (String prefix : OWN) {
                if (name.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }
}
