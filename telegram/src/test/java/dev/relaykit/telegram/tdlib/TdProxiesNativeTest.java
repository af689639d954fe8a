package dev.relaykit.telegram.tdlib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relaykit.core.secret.Secret;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proxies against the REAL libtdjson (TDLib 1.8.67), offline: TDLib takes them before authorization. */
class TdProxiesNativeTest {

    @Test
    void addListEnableDisableRemoveOnTheRealTdlib(@TempDir Path dir) {
        NativeTdJson td = RealTdLib.load();
        try (TdClient c = TdClient.builder(td).apiId(94575).apiHash("a3406de8d171bb422bb6ddf3bbd800e2")
                .databaseDirectory(dir).databases(false, false, false).build()) {
            c.awaitAuthorization(AuthorizationState.WaitPhoneNumber.class, Duration.ofSeconds(30));
            TdProxies proxies = c.proxies();
            TdProxies.Proxy socks = proxies.add("127.0.0.1", 1080, TdProxies.socks5("u", Secret.of("p")), false);
            TdProxies.Proxy http = proxies.add("127.0.0.1", 3128, TdProxies.http("", null, false), false);
            assertThat(socks.kind()).isEqualTo("Socks5");
            assertThat(socks.server()).isEqualTo("127.0.0.1");
            assertThat(socks.port()).isEqualTo(1080);
            assertThat(socks.enabled()).isFalse();
            assertThat(http.kind()).isEqualTo("Http");
            assertThat(proxies.list()).extracting(TdProxies.Proxy::id).containsExactlyInAnyOrder(socks.id(), http.id());

            proxies.enable(http.id());
            assertThat(proxies.list()).filteredOn(TdProxies.Proxy::enabled).extracting(TdProxies.Proxy::id)
                    .containsExactly(http.id());
            proxies.disable();
            assertThat(proxies.list()).noneMatch(TdProxies.Proxy::enabled);
            proxies.remove(socks.id());
            assertThat(proxies.list()).extracting(TdProxies.Proxy::id).containsExactly(http.id());
            assertThat(socks.toString()).doesNotContain("\"p\"");

            assertThatThrownBy(() -> proxies.add("127.0.0.1", 443, TdProxies.mtproto(Secret.of("zz")), false))
                    .isInstanceOfSatisfying(TdException.class, e -> assertThat(e.tdCode()).isEqualTo(400));
        }
    }
}
