package dev.relaykit.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A child process the tests talk to in lines: each line it prints on stdout goes to a consumer, its
 * stderr is kept for failure messages, lines are written to its stdin, and {@link #close()} closes
 * its stdin (the test peers exit on that), kills it if it lingers, and waits until it and its reader
 * threads are gone. The tests' Node peers (pusher-js, telegram-test-api) run in one.
 *
 * <pre>{@code
 * Path dir = LineProcess.findDir("peer.js", "src/test/node/pusher", "testkit/src/test/node/pusher");
 * try (LineProcess peer = LineProcess.start(new ProcessBuilder("node", "peer.js").directory(dir.toFile()),
 *         "pusher-peer", line -> System.out.println("peer said " + line))) {
 *     peer.send("{\"op\":\"stop\"}");
 * }
 * }</pre>
 */
public final class LineProcess implements AutoCloseable {
    private final Process process;
    private final StringBuffer stderr = new StringBuffer();
    private final Thread[] readers;

    private LineProcess(Process process, String name, Consumer<String> stdoutLine) {
        this.process = process;
        this.readers = new Thread[] {
            reader(name + "-stdout", stdoutLine, process.getInputStream()),
            reader(name + "-stderr", line -> stderr.append(line).append('\n'), process.getErrorStream())
        };
    }

    /**
     * Starts the process.
     *
     * @param builder the command, directory and environment
     * @param name names the reader threads
     * @param stdoutLine gets each stdout line, on a reader thread of its own
     * @return the running process
     * @throws IOException if it cannot start
     */
    public static LineProcess start(ProcessBuilder builder, String name, Consumer<String> stdoutLine)
            throws IOException {
        return new LineProcess(builder.start(), name, stdoutLine);
    }

    /**
     * The first of {@code candidates} (relative to the working directory: a module when Maven runs the tests,
     * the repository root in an IDE) that holds {@code marker}.
     *
     * @param marker a file the directory must hold
     * @param candidates directories to try, in order
     * @return the directory, absolute
     * @throws IllegalStateException naming every candidate if none holds it
     */
    public static Path findDir(String marker, String... candidates) {
        for (String candidate : candidates) {
            Path p = Path.of(candidate);
            if (Files.isRegularFile(p.resolve(marker))) {
                return p.toAbsolutePath();
            }
        }
        throw new IllegalStateException("cannot find " + marker + " in any of " + String.join(", ", candidates)
                + " from " + Path.of("").toAbsolutePath());
    }

    /**
     * Writes one line to the process's stdin.
     *
     * @param line the line, without its newline
     * @throws IOException if the process is gone
     */
    public synchronized void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /**
     * Completes once the process has exited and everything it printed was read (so {@link #stderr()} is whole):
     * a caller waiting for a line learns at once that it will never come.
     *
     * @return completes after the exit
     */
    public CompletableFuture<Void> exited() {
        return process.onExit().thenRunAsync(() -> {
            for (Thread t : readers) {
                try {
                    t.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    /**
     * Adds a line to what {@link #stderr()} reports (say, a stdout line that was not understood).
     *
     * @param line the line
     */
    public void note(String line) {
        stderr.append(line).append('\n');
    }

    /** @return what the process printed on stderr so far, and the {@linkplain #note notes} */
    public String stderr() {
        return stderr.toString();
    }

    /**
     * Closes stdin, waits up to 5 s for the process to exit, kills it otherwise, and waits for the readers.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyGone) {
            // nothing to close
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        for (Thread t : readers) {
            t.join(5000);
        }
    }

    private static Thread reader(String name, Consumer<String> sink, InputStream in) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException processGone) {
                // the process went away: nothing more to read
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
