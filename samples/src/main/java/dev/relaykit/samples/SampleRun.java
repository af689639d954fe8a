package dev.relaykit.samples;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How the samples' mains run and fail: each step that may fail says first what it is doing
 * ("connecting to Binance testnet at …"), and a failure ends the program with one line on stderr that
 * names the step and the cause, and exit code 1, instead of a stack trace or a bare
 * {@code null: TimeoutException}.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     SampleRun.main("binance-book", () -> {
 *         SampleRun.step(System.out, "connecting to Binance at " + url, () -> binance.market().ping());
 *         ...
 *     });
 * }
 * }</pre>
 */
public final class SampleRun {
    /** The exit code of a sample that failed. */
    public static final int FAILED = 1;

    private SampleRun() {
    }

    /** A sample's body. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs the sample.
         *
         * @throws Exception anything; reported in one line
         */
        void run() throws Exception;
    }

    /** A step of a sample failed; the message says which step and why, in one line. */
    public static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /**
         * @param message what failed and why
         * @param cause the underlying exception, or {@code null}
         */
        public Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Runs a sample's body as its {@code main}: on success returns; on failure prints
     * {@code <name> failed: <what and why>} to stderr and exits with {@link #FAILED}. With
     * {@code RELAYKIT_DEBUG=1} in the environment the stack trace follows the line.
     *
     * @param name the sample's name, as {@code ./relaykit} knows it
     * @param body the sample
     */
    public static void main(String name, Body body) {
        try {
            body.run();
        } catch (Throwable t) {
            System.out.flush();
            System.err.println(name + " failed: " + describe(t));
            if ("1".equals(System.getenv("RELAYKIT_DEBUG"))) {
                t.printStackTrace();
            }
            System.exit(FAILED);
        }
    }

    /**
     * Prints {@code doing…}, then runs the work; a failure becomes a {@link Failure} whose message starts
     * with what was being done.
     *
     * @param out where to print what the step does
     * @param doing what the step does, e.g. {@code "connecting to Binance testnet at https://…"}
     * @param work the step
     * @param <T> its result
     * @return the step's result
     */
    public static <T> T step(PrintStream out, String doing, Callable<T> work) {
        out.println(doing + " ...");
        try {
            return work.call();
        } catch (Failure f) {
            throw f;
        } catch (Exception e) {
            throw new Failure(doing + ": " + describe(e), unwrap(e));
        }
    }

    /**
     * Prints {@code doing…}, then waits for the future; a failure, or no result within the timeout, becomes
     * a {@link Failure} that names what was being done.
     *
     * @param out where to print what the step does
     * @param doing what the step waits for
     * @param future the future
     * @param timeout how long to wait
     * @param <T> its result
     * @return the future's result
     */
    public static <T> T await(PrintStream out, String doing, Future<T> future, Duration timeout) {
        return step(out, doing, () -> {
            try {
                return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                throw new Failure(doing + ": no answer within " + seconds(timeout), null);
            }
        });
    }

    /**
     * One line that says why something failed: the exception's own message, then the root cause when it
     * adds something ({@code TransportException: … failed (ConnectException: Connection refused)}). Wrappers
     * such as {@code ExecutionException} are looked through; an exception without a message is named by
     * its class.
     *
     * @param error the failure
     * @return the line
     */
    public static String describe(Throwable error) {
        Throwable top = unwrap(error);
        if (top instanceof Failure) {
            return top.getMessage();
        }
        String line = name(top);
        Throwable root = top;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != top) {
            String rootLine = name(root);
            if (!line.contains(rootLine) && !(root.getMessage() != null && line.contains(root.getMessage()))) {
                line += " (" + rootLine + ")";
            }
        }
        return line.replace('\n', ' ').replace('\r', ' ');
    }

    private static String name(Throwable t) {
        if (t instanceof TimeoutException && t.getMessage() == null) {
            return "timed out";
        }
        return t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof ExecutionException || e instanceof CompletionException
                || e instanceof InvocationTargetException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
