package dev.relaykit.telegram.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.relaykit.core.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link BotPayments} sends the requests of core.telegram.org/bots/api#payments. */
class BotPaymentsTest extends BotServerTest {

    @Test
    void anInvoiceAndAnInvoiceLinkSendTheDocumentedParameters() throws Exception {
        t.ok("{\"message_id\":5,\"chat\":{\"id\":42,\"type\":\"private\"},\"date\":1764979200,"
                + "\"invoice\":{\"title\":\"T-shirt\",\"description\":\"Size M\",\"start_parameter\":\"\","
                + "\"currency\":\"USD\",\"total_amount\":1999}}");
        t.ok("\"https://t.me/$AbCdEfGhIjKlMnOp\"");
        Invoice usd = new Invoice("T-shirt", "Size M", "order-7", "USD", List.of(new LabeledPrice("T-shirt", 1999)));

        BotMessage sent = t.bot.payments().sendInvoice(42L, usd, Map.of("provider_token", "284685063:TEST:abc",
                "need_shipping_address", true, "is_flexible", true));
        String link = t.bot.payments().createInvoiceLink(
                new Invoice("Pro", "Pro, monthly", "sub-1", "XTR", List.of(new LabeledPrice("Pro", 250))),
                Map.of("subscription_period", 2592000));

        // core.telegram.org/bots/api#sendinvoice and #labeledprice
        JsonNode invoice = t.json("sendInvoice");
        assertThat(invoice.path("chat_id").asLong()).isEqualTo(42);
        assertThat(invoice.path("title").asText()).isEqualTo("T-shirt");
        assertThat(invoice.path("description").asText()).isEqualTo("Size M");
        assertThat(invoice.path("payload").asText()).isEqualTo("order-7");
        assertThat(invoice.path("currency").asText()).isEqualTo("USD");
        assertThat(invoice.path("prices")).isEqualTo(Json.tree("[{\"label\":\"T-shirt\",\"amount\":1999}]"));
        assertThat(invoice.path("provider_token").asText()).isEqualTo("284685063:TEST:abc");
        assertThat(invoice.path("is_flexible").asBoolean()).isTrue();
        assertThat(sent.raw().path("invoice").path("total_amount").asLong()).isEqualTo(1999);
        // #createinvoicelink: no chat, Telegram Stars need no provider
        JsonNode linkBody = t.json("createInvoiceLink");
        assertThat(linkBody.has("chat_id")).isFalse();
        assertThat(linkBody.has("provider_token")).isFalse();
        assertThat(linkBody.path("currency").asText()).isEqualTo("XTR");
        assertThat(linkBody.path("subscription_period").asLong()).isEqualTo(2592000);
        assertThat(link).isEqualTo("https://t.me/$AbCdEfGhIjKlMnOp");
    }

    @Test
    void preCheckoutAndShippingAnswersSayOkOrGiveTheReason() throws Exception {
        t.ok("true").ok("true").ok("true").ok("true");
        BotPayments p = t.bot.payments();

        p.answerPreCheckoutQuery("pcq-1", null);
        p.answerPreCheckoutQuery("pcq-2", "Sold out");
        p.answerShippingQuery("sq-1", List.of(new ShippingOption("dhl", "DHL", List.of(new LabeledPrice("DHL", 900)))), null);
        p.answerShippingQuery("sq-2", List.of(), "We do not ship there");

        // core.telegram.org/bots/api#answerprecheckoutquery
        JsonNode ok = t.json("answerPreCheckoutQuery");
        assertThat(ok.path("pre_checkout_query_id").asText()).isEqualTo("pcq-1");
        assertThat(ok.path("ok").asBoolean()).isTrue();
        assertThat(ok.has("error_message")).isFalse();
        JsonNode no = t.json("answerPreCheckoutQuery");
        assertThat(no.path("ok").asBoolean(true)).isFalse();
        assertThat(no.path("error_message").asText()).isEqualTo("Sold out");
        // #answershippingquery and #shippingoption
        JsonNode ship = t.json("answerShippingQuery");
        assertThat(ship.path("shipping_query_id").asText()).isEqualTo("sq-1");
        assertThat(ship.path("ok").asBoolean()).isTrue();
        assertThat(ship.path("shipping_options")).isEqualTo(Json.tree(
                "[{\"id\":\"dhl\",\"title\":\"DHL\",\"prices\":[{\"label\":\"DHL\",\"amount\":900}]}]"));
        JsonNode noShip = t.json("answerShippingQuery");
        assertThat(noShip.path("ok").asBoolean(true)).isFalse();
        assertThat(noShip.has("shipping_options")).isFalse();
        assertThat(noShip.path("error_message").asText()).isEqualTo("We do not ship there");
    }
}
