package dev.relaykit.whatsapp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.relaykit.core.json.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A template message: an approved template by name and language, with the parameters its
 * header, body and buttons need. Made by {@link Message#template(String, String, String)}.
 *
 * <pre>{@code
 * client.send(Message.template("+16505551234", "order_confirmation", "en_US")
 *         .header(Template.Parameter.image(MediaRef.link("https://example.com/order.png")))
 *         .body(Template.Parameter.text("Pablo"),
 *               Template.Parameter.currency("$100.99", "USD", new BigDecimal("100.99")),
 *               Template.Parameter.dateTime("February 25, 1977"))
 *         .quickReplyButton(0, "unsubscribe-42"));
 * }</pre>
 *
 * <p>WhatsApp checks the parameters against the approved template when you send; a mismatch
 * comes back as a {@link WhatsAppApiException} of kind {@link WhatsAppApiException.Kind#TEMPLATE}
 * or {@link WhatsAppApiException.Kind#INVALID_PARAMETER}.
 */
public final class Template extends Message<Template> {

    /**
     * One parameter of a template component. Text parameters may be named
     * ({@code parameter_name}) for templates that use named parameters.
     */
    public static final class Parameter {
        private final ObjectNode json;

        private Parameter(ObjectNode json) {
            this.json = json;
        }

        private static ObjectNode typed(String type) {
            return Json.mapper().createObjectNode().put("type", type);
        }

        /**
         * @param text the value of a positional {@code {{1}}}-style parameter
         * @return a text parameter
         */
        public static Parameter text(String text) {
            return new Parameter(typed("text").put("text", require(text, "template text parameter")));
        }

        /**
         * @param name the parameter's name in a template with named parameters ({@code first_name})
         * @param text its value
         * @return a named text parameter
         */
        public static Parameter text(String name, String text) {
            ObjectNode n = typed("text");
            n.put("parameter_name", require(name, "template parameter name"));
            n.put("text", require(text, "template text parameter"));
            return new Parameter(n);
        }

        /**
         * A currency amount; WhatsApp shows {@code fallbackValue} where it cannot localise.
         *
         * @param fallbackValue the amount as text ({@code "$100.99"})
         * @param code the ISO 4217 currency code ({@code "USD"})
         * @param amount the amount ({@code 100.99}); sent as {@code amount_1000} (times 1000), so at
         *     most 3 decimals
         * @return a currency parameter
         */
        public static Parameter currency(String fallbackValue, String code, BigDecimal amount) {
            if (code == null || !code.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException("currency code must be 3 upper-case letters (ISO 4217): " + code);
            }
            long amount1000;
            try {
                amount1000 = Objects.requireNonNull(amount, "amount").movePointRight(3).longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("currency amount has more than 3 decimals: " + amount);
            }
            ObjectNode n = typed("currency");
            n.putObject("currency").put("fallback_value", require(fallbackValue, "currency fallback value"))
                    .put("code", code).put("amount_1000", amount1000);
            return new Parameter(n);
        }

        /**
         * @param fallbackValue the date and time as text ({@code "February 25, 1977"})
         * @return a date-time parameter
         */
        public static Parameter dateTime(String fallbackValue) {
            ObjectNode n = typed("date_time");
            n.putObject("date_time").put("fallback_value", require(fallbackValue, "date_time fallback value"));
            return new Parameter(n);
        }

        /**
         * @param media the image
         * @return an image parameter (for an image header)
         */
        public static Parameter image(MediaRef media) {
            return media("image", media);
        }

        /**
         * @param media the video
         * @return a video parameter (for a video header)
         */
        public static Parameter video(MediaRef media) {
            return media("video", media);
        }

        /**
         * @param media the document
         * @param filename the file name shown, or {@code null}
         * @return a document parameter (for a document header)
         */
        public static Parameter document(MediaRef media, String filename) {
            Parameter p = media("document", media);
            if (filename != null) {
                ((ObjectNode) p.json.get("document")).put("filename", require(filename, "document file name"));
            }
            return p;
        }

        private static Parameter media(String type, MediaRef media) {
            ObjectNode n = typed(type);
            n.set(type, Objects.requireNonNull(media, "media").toJson());
            return new Parameter(n);
        }

        /** @return the parameter's type ({@code "text"}, {@code "currency"}, ...) */
        public String type() {
            return json.get("type").asText();
        }

        @Override
        public String toString() {
            return "Template.Parameter[" + type() + "]";
        }
    }

    private Template(String to, String replyTo, ObjectNode content) {
        super(to, replyTo, content);
    }

    static Template of(String to, String name, String languageCode) {
        ObjectNode c = Json.mapper().createObjectNode();
        if (!require(name, "template name").matches("[a-z0-9_]{1,512}")) {
            throw new IllegalArgumentException("template name must be lower-case letters, digits and underscores: " + name);
        }
        c.put("name", name);
        c.putObject("language").put("code", require(languageCode, "template language code"));
        return new Template(to, null, c);
    }

    /**
     * @param parameters the header's parameters (one text, image, video or document parameter)
     * @return a copy with a {@code header} component
     */
    public Template header(Parameter... parameters) {
        return component("header", null, null, parameters);
    }

    /**
     * @param parameters the body's parameters, in order (or named)
     * @return a copy with a {@code body} component
     */
    public Template body(Parameter... parameters) {
        return component("body", null, null, parameters);
    }

    /**
     * @param index the button's position in the template, from 0
     * @param payload what the tap reports back in the webhook
     * @return a copy with a {@code quick_reply} button component
     */
    public Template quickReplyButton(int index, String payload) {
        ObjectNode p = Json.mapper().createObjectNode().put("type", "payload").put("payload", require(payload, "button payload"));
        return component("button", "quick_reply", index, new Parameter(p));
    }

    /**
     * @param index the button's position in the template, from 0
     * @param urlSuffix the variable end of the button's URL
     * @return a copy with a {@code url} button component
     */
    public Template urlButton(int index, String urlSuffix) {
        return component("button", "url", index, Parameter.text(urlSuffix));
    }

    private Template component(String type, String subType, Integer index, Parameter... parameters) {
        if (parameters == null || parameters.length == 0) {
            throw new IllegalArgumentException("a template " + type + " component needs at least one parameter");
        }
        if (index != null && (index < 0 || index > 9)) {
            throw new IllegalArgumentException("template button index must be 0 to 9: " + index);
        }
        if (type.equals("header") && parameters.length != 1) {
            throw new IllegalArgumentException("a template header takes exactly one parameter, got " + parameters.length);
        }
        ObjectNode c = content.deepCopy();
        ArrayNode components = c.has("components") ? (ArrayNode) c.get("components") : c.putArray("components");
        ObjectNode comp = components.addObject().put("type", type);
        if (subType != null) {
            comp.put("sub_type", subType);
            comp.put("index", String.valueOf(index));
        }
        ArrayNode ps = comp.putArray("parameters");
        for (Parameter p : List.of(parameters)) {
            ps.add(Objects.requireNonNull(p, "parameter").json.deepCopy());
        }
        return new Template(to, replyTo, c);
    }

    @Override
    public String type() {
        return "template";
    }

    @Override
    Template copy(ObjectNode content, String replyTo) {
        return new Template(to, replyTo, content);
    }
}
