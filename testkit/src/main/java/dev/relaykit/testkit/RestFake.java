package dev.relaykit.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A WireMock server on a free loopback port, with helpers for the JSON stubs REST fakes need.
 *
 * <pre>{@code
 * try (RestFake fake = RestFake.start()) {
 *     fake.stubJson("GET", "/api/v3/time", 200, "{\"serverTime\":1499827319559}");
 *     RestClient client = RestClient.builder().baseUrl(fake.baseUrl()).build();
 *     JsonNode time = client.execute(RestRequest.get("/api/v3/time").build());
 *     assertThat(time.path("serverTime").asLong()).isEqualTo(1499827319559L);
 *     assertThat(fake.requests()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>{@link #wireMock()} gives the full WireMock API for anything the helpers do not cover.
 * {@link #close()} stops the server and its threads.
 */
public final class RestFake implements AutoCloseable {
    private final WireMockServer server;

    private RestFake(WireMockServer server) {
        this.server = server;
    }

    /**
     * Starts WireMock on 127.0.0.1 and a free port.
     *
     * @return the running fake
     */
    public static RestFake start() {
        return start(new Extension[0]);
    }

    /**
     * Starts WireMock on 127.0.0.1 and a free port with WireMock extensions (request filters,
     * transformers) installed.
     *
     * @param extensions the extensions
     * @return the running fake
     */
    public static RestFake start(Extension... extensions) {
        WireMockServer server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(12)
                .jettyAcceptors(1)
                .extensions(extensions));
        server.start();
        return new RestFake(server);
    }

    /** @return {@code http://127.0.0.1:PORT} (no trailing slash) */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** @return the port */
    public int port() {
        return server.port();
    }

    /**
     * Answers {@code method path} (any query) with a JSON body.
     *
     * @param method HTTP method, e.g. {@code "GET"}
     * @param path the exact path, e.g. {@code "/api/v3/time"}
     * @param status the HTTP status
     * @param json the response body
     * @return this
     */
    public RestFake stubJson(String method, String path, int status, String json) {
        return stub(request(method, urlPathEqualTo(path)), status, json);
    }

    /**
     * Answers a WireMock request pattern with a JSON body (for matching on query parameters,
     * headers or bodies).
     *
     * @param mapping the pattern, e.g. {@code get(urlPathEqualTo("/x")).withQueryParam("a", equalTo("1"))}
     * @param status the HTTP status
     * @param json the response body
     * @return this
     */
    public RestFake stub(MappingBuilder mapping, int status, String json) {
        Objects.requireNonNull(json, "json");
        server.stubFor(mapping.willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json;charset=UTF-8").withBody(json)));
        return this;
    }

    /** @return every request received so far, in order */
    public List<LoggedRequest> requests() {
        List<LoggedRequest> newestFirst = new ArrayList<>(
                server.getAllServeEvents().stream().map(e -> e.getRequest()).toList());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** @return the underlying WireMock server, for the full API */
    public WireMockServer wireMock() {
        return server;
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop();
    }
    /**
     * A WireMock response transformer, not applied globally, that answers every stub naming it
     * ({@code aResponse().withTransformers(name)}) with {@code answer}: how a fake routes every request through one
     * function of its own. Install it with {@link #start(Extension...)} and name it from a catch-all stub:
     *
     * <pre>{@code
     * try (RestFake rest = RestFake.start(RestFake.responder("my-fake", event -> RestFake.json(200, "{}")))) {
     *     rest.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
     *             com.github.tomakehurst.wiremock.client.WireMock.anyUrl()).willReturn(
     *             com.github.tomakehurst.wiremock.client.WireMock.aResponse().withTransformers("my-fake")));
     * }
     * }</pre>
     *
     * @param name the transformer's name, as stubs name it
     * @param answer makes the response for each request a stub routes here
     * @return the transformer
     */
    public static ResponseDefinitionTransformerV2 responder(String name, Function<ServeEvent, ResponseDefinition> answer) {
        return new ResponseDefinitionTransformerV2() {
            @Override
            public ResponseDefinition transform(ServeEvent event) {
                return answer.apply(event);
            }

            @Override
            public boolean applyGlobally() {
                return false;
            }

            @Override
            public String getName() {
                return name;
            }
        };
    }

    /**
     * A JSON answer ({@code application/json;charset=UTF-8}) for a transformer or filter to return.
     *
     * @param status the HTTP status
     * @param body the JSON body
     * @return the response
     */
    public static ResponseDefinition json(int status, String body) {
        return new ResponseDefinitionBuilder().withStatus(status)
                .withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body).build();
    }
}
