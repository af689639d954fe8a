package dev.relaykit.whatsapp.webhook;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.relaykit.core.DecodeException;
import dev.relaykit.core.json.Json;
import dev.relaykit.whatsapp.webhook.event.Contact;
import dev.relaykit.whatsapp.webhook.event.Conversation;
import dev.relaykit.whatsapp.webhook.event.ErrorDetail;
import dev.relaykit.whatsapp.webhook.event.MessageContent;
import dev.relaykit.whatsapp.webhook.event.MessageContext;
import dev.relaykit.whatsapp.webhook.event.MessageEvent;
import dev.relaykit.whatsapp.webhook.event.MessageStatus;
import dev.relaykit.whatsapp.webhook.event.Metadata;
import dev.relaykit.whatsapp.webhook.event.Pricing;
import dev.relaykit.whatsapp.webhook.event.ProductItem;
import dev.relaykit.whatsapp.webhook.event.Referral;
import dev.relaykit.whatsapp.webhook.event.SharedContact;
import dev.relaykit.whatsapp.webhook.event.StatusEvent;
import dev.relaykit.whatsapp.webhook.event.UnknownEvent;
import dev.relaykit.whatsapp.webhook.event.WebhookEvent;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Decodes a WhatsApp webhook body into {@link WebhookEvent}s, without checking its signature.
 *
 * <p>{@link WebhookHandler} calls this after it has verified the signature; call it yourself only
 * for bodies you have already authenticated (for example, deliveries you stored and replay).
 *
 * <pre>{@code
 * byte[] body = Files.readAllBytes(Path.of("webhook-post.json"));   // a POST body Meta sent
 * List<WebhookEvent> events = WebhookEvents.parse(body);
 * }</pre>
 *
 * <p>Decoding is tolerant: unknown fields are ignored, an unknown message kind becomes
 * {@link MessageContent.Unknown}, an unknown status becomes {@link MessageStatus#UNKNOWN}, and an
 * unknown change {@code field} or {@code object} becomes an {@link UnknownEvent} with the raw JSON.
 * Only a body that is not a JSON object fails.
 */
public final class WebhookEvents {
    /** The shared mapper, stricter about trailing content after the JSON value. */
    private static final ObjectReader READER =
            Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private WebhookEvents() {
    }

    /**
     * @param body the webhook body, UTF-8 JSON
     * @return the events in the order of the payload; never empty for a JSON object
     * @throws DecodeException if the body is not a JSON object; the message says where it failed and
     *     never repeats the body
     */
    public static List<WebhookEvent> parse(byte[] body) {
        JsonNode root;
        try {
            root = READER.readTree(body);
        } catch (IOException e) {
            throw new DecodeException("webhook body is not valid JSON: " + Json.describe(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new DecodeException("webhook body is not a JSON object");
        }
        List<WebhookEvent> events = new ArrayList<>();
        JsonNode entries = root.get("entry");
        if (!"whatsapp_business_account".equals(str(root, "object")) || entries == null || !entries.isArray()) {
            events.add(new UnknownEvent(null, null, null, root));
            return events;
        }
        for (JsonNode entry : entries) {
            String account = str(entry, "id");
            JsonNode changes = entry.get("changes");
            if (changes == null || !changes.isArray()) {
                events.add(new UnknownEvent(account, null, null, entry));
                continue;
            }
            for (JsonNode change : changes) {
                change(account, change, events);
            }
        }
        if (events.isEmpty()) {
            events.add(new UnknownEvent(null, null, null, root)); // an object with no changes at all
        }
        return events;
    }

    private static void change(String account, JsonNode change, List<WebhookEvent> out) {
        String field = str(change, "field");
        JsonNode value = change.path("value");
        Metadata metadata = value.has("metadata")
                ? new Metadata(str(value.get("metadata"), "display_phone_number"),
                        str(value.get("metadata"), "phone_number_id"))
                : null;
        JsonNode messages = value.get("messages");
        JsonNode statuses = value.get("statuses");
        boolean messagesField = "messages".equals(field) || (field == null && (messages != null || statuses != null));
        if (!messagesField) {
            out.add(new UnknownEvent(account, metadata, field, change));
            return;
        }
        List<Contact> contacts = list(value.get("contacts"), WebhookEvents::contact);
        int before = out.size();
        if (messages != null && messages.isArray()) {
            for (JsonNode m : messages) {
                out.add(message(account, metadata, contacts, m));
            }
        }
        if (statuses != null && statuses.isArray()) {
            for (JsonNode s : statuses) {
                out.add(status(account, metadata, contacts, s));
            }
        }
        JsonNode errors = value.get("errors");
        if (out.size() == before || (errors != null && errors.size() > 0)) {
            out.add(new UnknownEvent(account, metadata, field, change)); // out-of-band errors, or a new array
        }
    }

    private static MessageEvent message(String account, Metadata metadata, List<Contact> contacts, JsonNode m) {
        String from = str(m, "from");
        String fromUserId = str(m, "from_user_id");
        return new MessageEvent(account, metadata, contactFor(contacts, from, fromUserId), str(m, "id"), from,
                fromUserId, str(m, "group_id"), instant(m, "timestamp"), context(m.get("context")),
                referral(m.get("referral")), errors(m.get("errors")), content(m), m);
    }

    private static MessageContent content(JsonNode m) {
        String type = str(m, "type");
        JsonNode c = type == null ? null : m.get(type);
        JsonNode o = c == null ? MissingNode.getInstance() : c; // answers every get with null
        if (type == null) {
            return new MessageContent.Unknown(null, m);
        }
        return switch (type) {
            case "text" -> new MessageContent.Text(str(o, "body"));
            case "image" -> new MessageContent.Image(str(o, "id"), str(o, "mime_type"), str(o, "sha256"),
                    str(o, "url"), str(o, "caption"));
            case "audio" -> new MessageContent.Audio(str(o, "id"), str(o, "mime_type"), str(o, "sha256"),
                    str(o, "url"), o.path("voice").asBoolean(false));
            case "video" -> new MessageContent.Video(str(o, "id"), str(o, "mime_type"), str(o, "sha256"),
                    str(o, "url"), str(o, "caption"));
            case "document" -> new MessageContent.Document(str(o, "id"), str(o, "mime_type"), str(o, "sha256"),
                    str(o, "url"), str(o, "caption"), str(o, "filename"));
            case "sticker" -> new MessageContent.Sticker(str(o, "id"), str(o, "mime_type"), str(o, "sha256"),
                    str(o, "url"), o.path("animated").asBoolean(false));
            case "location" -> new MessageContent.Location(decimal(o.get("latitude")), decimal(o.get("longitude")),
                    str(o, "name"), str(o, "address"), str(o, "url"));
            case "contacts" -> new MessageContent.Contacts(list(c, WebhookEvents::sharedContact));
            case "interactive" -> interactive(o, m);
            case "button" -> new MessageContent.QuickReply(str(o, "payload"), str(o, "text"));
            case "reaction" -> new MessageContent.Reaction(str(o, "message_id"), str(o, "emoji"));
            case "order" -> new MessageContent.Order(str(o, "catalog_id"), str(o, "text"),
                    list(o.get("product_items"), i -> new ProductItem(str(i, "product_retailer_id"),
                            i.path("quantity").asInt(0), decimal(i.get("item_price")), str(i, "currency"))));
            case "system" -> new MessageContent.SystemChange(str(o, "type"), str(o, "body"),
                    str(o, "wa_id") != null ? str(o, "wa_id") : str(o, "new_wa_id"), str(o, "user_id"));
            case "unsupported" -> new MessageContent.Unsupported(str(o, "type"));
            default -> new MessageContent.Unknown(type, m);
        };
    }

    private static MessageContent interactive(JsonNode i, JsonNode m) {
        String sub = str(i, "type");
        JsonNode r = sub == null ? null : i.get(sub);
        if ("button_reply".equals(sub) && r != null) {
            return new MessageContent.ButtonReply(str(r, "id"), str(r, "title"));
        }
        if ("list_reply".equals(sub) && r != null) {
            return new MessageContent.ListReply(str(r, "id"), str(r, "title"), str(r, "description"));
        }
        return new MessageContent.Unknown("interactive/" + sub, m);
    }

    private static StatusEvent status(String account, Metadata metadata, List<Contact> contacts, JsonNode s) {
        String recipient = str(s, "recipient_id");
        String recipientUser = str(s, "recipient_user_id");
        JsonNode conv = s.get("conversation");
        JsonNode pricing = s.get("pricing");
        String statusValue = str(s, "status");
        return new StatusEvent(account, metadata, contactFor(contacts, recipient, recipientUser), str(s, "id"),
                MessageStatus.of(statusValue), statusValue, instant(s, "timestamp"), recipient, recipientUser,
                str(s, "recipient_type"), str(s, "recipient_participant_id"), str(s, "recipient_identity_key_hash"),
                str(s, "biz_opaque_callback_data"),
                conv == null || !conv.isObject() ? null
                        : new Conversation(str(conv, "id"), str(conv.path("origin"), "type"),
                                instant(conv, "expiration_timestamp")),
                pricing == null || !pricing.isObject() ? null
                        : new Pricing(pricing.hasNonNull("billable") ? pricing.get("billable").asBoolean() : null,
                                str(pricing, "pricing_model"), str(pricing, "category"), str(pricing, "type")),
                errors(s.get("errors")), s);
    }

    private static Contact contact(JsonNode c) {
        JsonNode p = c.path("profile");
        return new Contact(str(c, "wa_id"), str(c, "user_id"), str(p, "name"), str(p, "username"),
                str(p, "country_code"), str(c, "identity_key_hash"));
    }

    /** The contact whose wa_id or user_id matches; the only one if there is exactly one. */
    private static Contact contactFor(List<Contact> contacts, String waId, String userId) {
        for (Contact c : contacts) {
            if ((waId != null && !waId.isEmpty() && waId.equals(c.waId()))
                    || (userId != null && userId.equals(c.userId()))) {
                return c;
            }
        }
        return contacts.size() == 1 ? contacts.get(0) : null;
    }

    private static MessageContext context(JsonNode c) {
        if (c == null || !c.isObject()) {
            return null;
        }
        JsonNode p = c.get("referred_product");
        return new MessageContext(str(c, "from"), str(c, "id"), c.path("forwarded").asBoolean(false),
                c.path("frequently_forwarded").asBoolean(false),
                p == null || !p.isObject() ? null
                        : new MessageContext.ReferredProduct(str(p, "catalog_id"), str(p, "product_retailer_id")));
    }

    private static Referral referral(JsonNode r) {
        if (r == null || !r.isObject()) {
            return null;
        }
        return new Referral(str(r, "source_url"), str(r, "source_id"), str(r, "source_type"), str(r, "body"),
                str(r, "headline"), str(r, "media_type"), str(r, "image_url"), str(r, "video_url"),
                str(r, "thumbnail_url"), str(r, "ctwa_clid"), str(r.path("welcome_message"), "text"));
    }

    private static List<ErrorDetail> errors(JsonNode errors) {
        return list(errors, e -> new ErrorDetail(e.path("code").asInt(0), str(e, "title"), str(e, "message"),
                str(e.path("error_data"), "details"), str(e, "href")));
    }

    private static SharedContact sharedContact(JsonNode c) {
        JsonNode n = c.get("name");
        JsonNode org = c.get("org");
        return new SharedContact(
                n == null || !n.isObject() ? null
                        : new SharedContact.Name(str(n, "formatted_name"), str(n, "first_name"), str(n, "last_name"),
                                str(n, "middle_name"), str(n, "suffix"), str(n, "prefix")),
                list(c.get("phones"), p -> new SharedContact.Phone(str(p, "phone"), str(p, "wa_id"), str(p, "type"))),
                list(c.get("emails"), e -> new SharedContact.Email(str(e, "email"), str(e, "type"))),
                list(c.get("addresses"), a -> new SharedContact.Address(str(a, "street"), str(a, "city"),
                        str(a, "state"), str(a, "zip"), str(a, "country"), str(a, "country_code"), str(a, "type"))),
                org == null || !org.isObject() ? null
                        : new SharedContact.Org(str(org, "company"), str(org, "department"), str(org, "title")),
                list(c.get("urls"), u -> new SharedContact.Url(str(u, "url"), str(u, "type"))),
                str(c, "birthday"));
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> f) {
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<T> out = new ArrayList<>(array.size());
        for (JsonNode n : array) {
            if (n.isObject()) {
                out.add(f.apply(n));
            }
        }
        return List.copyOf(out);
    }

    private static String str(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || !v.isValueNode() || v.isNull() ? null : v.asText();
    }

    /** Epoch seconds, sent as a string (or a number); {@code null} when absent or not a number. */
    private static Instant instant(JsonNode node, String field) {
        String s = str(node, field);
        if (s == null) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal decimal(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        try {
            return new BigDecimal(v.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
