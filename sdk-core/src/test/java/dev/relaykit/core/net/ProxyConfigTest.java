package dev.relaykit.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Proxy;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class ProxyConfigTest {

    @Test
    void toStringNeverShowsTheCredentials() {
        ProxyConfig http = ProxyConfig.http("proxy.example", 3128).withCredentials("alice", "hunter2-secret");
        ProxyConfig socks = ProxyConfig.socks5("127.0.0.1", 1080).withCredentials("alice", "hunter2-secret");
        assertThat(http.toString()).isEqualTo("ProxyConfig[HTTP proxy.example:3128, user=***]");
        assertThat(socks.toString()).isEqualTo("ProxyConfig[SOCKS5 127.0.0.1:1080, user=***]");
        assertThat(http + " " + socks).doesNotContain("hunter2").doesNotContain("alice");
        assertThat(ProxyConfig.http("proxy.example", 3128).toString()).isEqualTo("ProxyConfig[HTTP proxy.example:3128]");
    }

    @Test
    void withCredentialsLeavesTheOriginalUnchanged() {
        ProxyConfig plain = ProxyConfig.socks5("h", 1);
        ProxyConfig authed = plain.withCredentials("u", "p");
        assertThat(plain.hasCredentials()).isFalse();
        assertThat(authed.hasCredentials()).isTrue();
        assertThat(authed.type()).isEqualTo(ProxyConfig.Type.SOCKS5);
        assertThat(authed.host()).isEqualTo("h");
        assertThat(authed.port()).isEqualTo(1);
    }

    @Test
    void rejectsBadPortsAndOverlongSocksCredentials() {
        assertThatThrownBy(() -> ProxyConfig.http("h", 0)).hasMessageContaining("1..65535");
        assertThatThrownBy(() -> ProxyConfig.socks5("h", 65536)).hasMessageContaining("1..65535");
        assertThatThrownBy(() -> ProxyConfig.http(" ", 80)).hasMessageContaining("blank");
        String longPassword = "x".repeat(256);
        assertThatThrownBy(() -> ProxyConfig.socks5("h", 1).withCredentials("u", longPassword))
                .hasMessageContaining("255 bytes").hasMessageNotContaining(longPassword);
        assertThat(ProxyConfig.http("h", 1).withCredentials("u", longPassword).hasCredentials()).isTrue();
    }

    @Test
    void httpProxyAnswersAChallengeOnceAndThenGivesUp() throws Exception {
        OkHttpClient client = ProxyConfig.http("proxy.example", 3128).withCredentials("alice", "pw")
                .applyTo(new OkHttpClient.Builder()).build();
        assertThat(client.proxy()).isEqualTo(new Proxy(Proxy.Type.HTTP,
                InetSocketAddress.createUnresolved("proxy.example", 3128)));

        Request first = new Request.Builder().url("http://example.com/").build();
        Request retry = client.proxyAuthenticator().authenticate(null, challenge(first));
        assertThat(retry).isNotNull();
        assertThat(retry.header("Proxy-Authorization")).isEqualTo("Basic YWxpY2U6cHc="); // alice:pw

        assertThat(client.proxyAuthenticator().authenticate(null, challenge(retry))).isNull();
    }

    @Test
    void socksProxyReplacesSocketFactoryAndDnsAndBypassesJvmProxies() throws Exception {
        OkHttpClient client = ProxyConfig.socks5("127.0.0.1", 1080).withCredentials("u", "p")
                .applyTo(new OkHttpClient.Builder()).build();
        assertThat(client.proxy()).isEqualTo(Proxy.NO_PROXY);
        assertThat(client.socketFactory()).isInstanceOf(Socks5SocketFactory.class);
        // names are left for the proxy to resolve; IP literals are parsed
        assertThat(client.dns().lookup("stream.example.invalid")).singleElement().satisfies(a -> {
            assertThat(a.getHostName()).isEqualTo("stream.example.invalid");
            assertThat(a.isAnyLocalAddress()).isTrue();
        });
        assertThat(client.dns().lookup("10.1.2.3").get(0).getHostAddress()).isEqualTo("10.1.2.3");
    }

    private static Response challenge(Request request) {
        return new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(407)
                .message("Proxy Authentication Required").header("Proxy-Authenticate", "Basic realm=\"x\"").build();
    }
}
