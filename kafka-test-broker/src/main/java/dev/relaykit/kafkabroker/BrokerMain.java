package dev.relaykit.kafkabroker;

import java.io.InputStream;
import java.lang.reflect.Method;

/**
 * Entry point of the broker JVM that {@link KafkaTestBroker} starts: formats the storage when asked, then runs
 * {@code kafka.Kafka}. Not for users.
 *
 * <p>Why a main of our own: the broker must never outlive the test JVM that started it. A test JVM killed by a
 * time limit runs no shutdown hook, so the broker watches its standard input instead (a pipe from the parent);
 * the pipe closes when the parent dies, whatever the cause, and the broker halts.
 */
public final class BrokerMain {
    private BrokerMain() {
    }

    /**
     * Runs the broker.
     *
     * @param args {@code format <cluster-id> <server.properties>} or {@code run <server.properties>}
     * @throws Exception when Kafka's own entry point cannot be called
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 3 && "format".equals(args[0])) {
            // StorageTool.main ends in System.exit with its own code: the parent reads the exit code
            Class.forName("kafka.tools.StorageTool").getMethod("main", String[].class)
                    .invoke(null, (Object) new String[] {"format", "-t", args[1], "-c", args[2], "--ignore-formatted"});
            return;
        }
        if (args.length != 2 || !"run".equals(args[0])) {
            throw new IllegalArgumentException("usage: format <cluster-id> <server.properties> | run <server.properties>");
        }
        Thread watchdog = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // the parent never writes: only the end of the stream matters
                }
            } catch (Exception ignored) {
                // a broken pipe means the same as its end
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Method main = Class.forName("kafka.Kafka").getMethod("main", String[].class);
        main.invoke(null, (Object) new String[] {args[1]});
    }
}
