package dev.relaykit.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import dev.relaykit.core.rest.RetryPolicy;
import dev.relaykit.core.secret.Secret;
import dev.relaykit.testkit.FakeGraphApi;
import java.time.Duration;

/** Shared test helpers: fixtures and a client on the fake. */
final class Fixtures {
    static final String TOKEN = "EAAJB3T0kenS3cr3tV4lue0123456789";
    static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(1));

    private Fixtures() {
    }

    static JsonNode json(String name) {
        return Json.tree(FakeGraphApi.resource(name));
    }

    static WhatsAppClient client(FakeGraphApi fake, RetryPolicy retry) {
        return WhatsAppClient.builder()
                .baseUrl(fake.baseUrl())
                .accessToken(Secret.of(TOKEN))
                .phoneNumberId(FakeGraphApi.PHONE_NUMBER_ID)
                .businessAccountId(FakeGraphApi.BUSINESS_ACCOUNT_ID)
                .retryPolicy(retry)
                .build();
    }
}
