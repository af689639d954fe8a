package dev.relaykit.telegram.tdlib;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real libtdjson the build installs (src/test/node/install-tdlib.sh, npm
 * {@code @prebuilt-tdlib/linux-x64-glibc} 0.1008067.0 = TDLib 1.8.67); surefire names it in
 * {@code relaykit.tdjson.path}. On Linux x64 a missing library fails the test; elsewhere the test
 * does not run and says why.
 */
final class RealTdLib {
    private RealTdLib() {
    }

    static boolean linuxX64() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        return os.startsWith("Linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    static void assumeLinuxX64() {
        assumeTrue(linuxX64(), () -> "native TDLib test not run: the prebuilt libtdjson the build installs"
                + " (@prebuilt-tdlib/linux-x64-glibc) exists for Linux x64 only, and this is "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    static Path file() {
        assumeLinuxX64();
        String p = System.getProperty(NativeTdJson.PATH_PROPERTY);
        if (p == null || !Files.isRegularFile(Path.of(p))) {
            throw new AssertionError("the real libtdjson is missing (" + p + "): the build's install-tdlib.sh should"
                    + " have installed it from npm");
        }
        return Path.of(p);
    }

    /** The library, TDLib's log quietened to errors (it logs to stderr at verbosity 5 by default). */
    static NativeTdJson load() {
        NativeTdJson td = NativeTdJson.load(file());
        TdExecute.setLogVerbosityLevel(td, 1);
        return td;
    }
}
