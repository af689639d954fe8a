package dev.relaykit.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every module's tests run under a JUnit time limit, so a hang fails a test instead of stalling CI.
 * Walks the checkout (this module's parent folder) so a module added later without the file fails here.
 */
class TestTimeLimitsTest {

    @Test
    void everyModuleWithTestsSetsADefaultTimeout() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        assertThat(root.resolve("pom.xml")).exists();
        List<String> missing = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : (Iterable<Path>) modules::iterator) {
                if (!Files.isDirectory(module.resolve("src/test/java"))) {
                    continue;
                }
                Path file = module.resolve("src/test/resources/junit-platform.properties");
                Properties props = new Properties();
                if (Files.exists(file)) {
                    try (Reader in = Files.newBufferedReader(file)) {
                        props.load(in);
                    }
                }
                String timeout = props.getProperty("junit.jupiter.execution.timeout.default", "");
                if (!timeout.matches("\\d+ ?(s|m|ms)")
                        || !"SEPARATE_THREAD".equals(props.getProperty("junit.jupiter.execution.timeout.thread.mode.default"))) {
                    missing.add(module.getFileName().toString());
                }
            }
        }
        assertThat(missing).as("modules whose tests have no default time limit").isEmpty();
    }
}
