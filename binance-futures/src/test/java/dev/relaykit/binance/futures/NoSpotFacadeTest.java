package dev.relaykit.binance.futures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Futures is built on binance's internal context, never on the spot facade (the design's one planned exception to
 * "a service module never reaches into another": binance-futures uses binance's plumbing, not {@code BinanceSpot}).
 */
class NoSpotFacadeTest {

    @Test
    void noFuturesSourceUsesBinanceSpot() throws IOException {
        Path main = Path.of("src/main/java");
        List<Path> sources;
        try (Stream<Path> files = Files.walk(main)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).hasSizeGreaterThan(20);
        // a use of the spot facade or its endpoint groups (an error message may name BinanceSpot for the user)
        Pattern use = Pattern.compile("import dev\\.relaykit\\.binance\\.(BinanceSpot|MarketData|Trading|Wallet|Convert);"
                + "|\\bBinanceSpot\\s*[.(]|new BinanceSpot|BinanceSpot\\.builder");
        for (Path p : sources) {
            assertThat(use.matcher(Files.readString(p)).find()).as(p.toString()).isFalse();
        }
    }
}
