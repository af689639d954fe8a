package dev.relaykit.telegram.tdlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the real libtdjson, and the errors for a missing or wrong one. */
class NativeTdJsonTest {

    @Test
    void loadsTheRealLibraryFromTheSystemPropertyAndReadsItsVersion() {
        RealTdLib.file();
        NativeTdJson td = NativeTdJson.load();   // relaykit.tdjson.path, set by surefire
        assertThat(td.version()).isEqualTo("1.8.67");
        assertThat(TdExecute.version(td)).isEqualTo(NativeTdJson.TESTED_VERSION);
        assertThat(NativeTdJson.load(RealTdLib.file())).as("one instance per file: one receive loop").isSameAs(td);
    }

    @Test
    void aMissingFileIsOneErrorSayingWhereAndHowToGetOne(@TempDir Path dir) {
        Path missing = dir.resolve("libtdjson.so");
        assertThatThrownBy(() -> NativeTdJson.load(missing))
                .isInstanceOf(TdLibraryException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("@prebuilt-tdlib/linux-x64-glibc")
                .hasMessageContaining(NativeTdJson.PATH_PROPERTY);
    }

    @Test
    void aFileThatIsNotALibraryIsOneClearError(@TempDir Path dir) throws Exception {
        Path fake = Files.writeString(dir.resolve("libtdjson.so"), "not an ELF file");
        assertThatThrownBy(() -> NativeTdJson.load(fake))
                .isInstanceOf(TdLibraryException.class)
                .hasMessageContaining("could not load libtdjson from " + fake)
                .hasMessageContaining("td_create_client_id")
                .hasMessageContaining("@prebuilt-tdlib/linux-x64-glibc");
    }

    @Test
    void aNativeLibraryWithoutTdlibsFunctionsIsRefusedAtLoad() {
        RealTdLib.assumeLinuxX64();
        Path libz = Path.of("/lib/x86_64-linux-gnu/libz.so.1");
        if (!Files.exists(libz)) {
            libz = Path.of("/usr/lib/x86_64-linux-gnu/libz.so.1");
        }
        Path other = libz;
        assertThat(other).as("a native library that is not TDLib, to load instead").exists();
        assertThatThrownBy(() -> NativeTdJson.load(other))
                .isInstanceOf(TdLibraryException.class)
                .hasMessageContaining("td_create_client_id")
                .hasMessageContaining("It must be TDLib's JSON interface");
    }

    @Test
    void versionsCompareNumerically() {
        assertThat(NativeTdJson.olderThan("1.8.9", "1.8.67")).isTrue();
        assertThat(NativeTdJson.olderThan("1.8.67", "1.8.67")).isFalse();
        assertThat(NativeTdJson.olderThan("1.10.0", "1.8.67")).isFalse();
        assertThat(NativeTdJson.olderThan("unknown", "1.8.67")).isTrue();
    }
}
