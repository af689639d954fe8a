package dev.relaykit.telegram.tdlib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ending TDLib clients with the REAL libtdjson, each case in its own JVM ({@link TdCloseChild}): TDLib
 * aborts a process (SIGABRT, exit code 134) for some mistakes, which in the build's JVM would end every
 * test. Each child must exit 0 and print the state its clients ended in.
 */
class TdCloseNativeTest {

    private record Child(int exitCode, String output) {
    }

    private static Child run(Path dir, String mode) throws IOException, InterruptedException {
        Path lib = RealTdLib.file();
        Path out = dir.resolve(mode + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                TdCloseChild.class.getName(), mode, lib.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return new Child(-1, "timed out after 60 s\n" + Files.readString(out));
            }
            return new Child(p.exitValue(), Files.readString(out));
        } finally {
            p.destroyForcibly();
        }
    }

    private static void assertExitedCleanly(Child c) {
        assertThat(c.exitCode()).as("the child JVM's exit code (134 = SIGABRT from TDLib); its output:%n%s", c.output())
                .isZero();
    }

    /**
     * The colleague's crash: a client left open (its close timed out, say) and a JVM that then ends. Without
     * RelayKit's exit hook TDLib aborted such a JVM as it exited in 19 of 32 runs (measured): its static
     * ClientManager's destructor fails a CHECK in SchedulerGuard while the open clients' threads still run.
     * Five runs all passing without the hook would have had a chance of about (13/32)^5 = 1 %.
     */
    @Test
    @Timeout(200)
    void aJvmExitingWithOpenClientsIsNotAbortedByTdlib(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 5; i++) {
            Child c = run(dir, "exit-with-open-clients");
            assertExitedCleanly(c);
            assertThat(c.output()).contains("RESULT open=8");
        }
    }

    @Test
    void closeAfterLogOutEndsClosedAndTheJvmLives(@TempDir Path dir) throws Exception {
        Child c = run(dir, "logout-then-close");
        assertExitedCleanly(c);
        assertThat(c.output()).contains("RESULT logout-then-close=Closed");
    }

    @Test
    void closeRightAfterCreateTwiceAndFromAListenerEachEndClosed(@TempDir Path dir) throws Exception {
        Child c = run(dir, "close-paths");
        assertExitedCleanly(c);
        assertThat(c.output().lines().filter(l -> l.startsWith("RESULT ")).toList()).isEqualTo(List.of(
                "RESULT close-right-after-create=Closed",
                "RESULT close-twice=Closed",
                "RESULT close-in-listener-returned=true",
                "RESULT close-in-listener=Closed"));
    }

    /** TDLib's LOG(FATAL) "Receive must not be called simultaneously from two different threads". */
    @Test
    void twoThreadsReceivingFromOneLibraryDoNotAbortTheJvm(@TempDir Path dir) throws Exception {
        Child c = run(dir, "two-receive-threads");
        assertExitedCleanly(c);
        assertThat(c.output()).contains("RESULT two-receive-threads=done");
    }
}
