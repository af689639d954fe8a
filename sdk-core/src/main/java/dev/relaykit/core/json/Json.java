package dev.relaykit.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.relaykit.core.DecodeException;
import java.io.IOException;

/**
 * The one shared Jackson mapper every RelayKit module decodes and encodes with.
 *
 * <p>Configured so that what a service adds tomorrow never breaks a decode: unknown fields are
 * ignored, an unknown enum value becomes the enum's {@code @JsonEnumDefaultValue} constant (or
 * {@code null} where it has none), and floating-point numbers read into {@code BigDecimal} without
 * passing through {@code double}.
 *
 * <pre>{@code
 * record ServerTime(long serverTime) { }
 * String text = "{\"serverTime\":1499827319559,\"addedTomorrow\":true}";
 * ServerTime t = Json.read(text, ServerTime.class);          // the unknown field is ignored
 * JsonNode raw = Json.tree(text);                             // raw.path("addedTomorrow").asBoolean()
 * }</pre>
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private Json() {
    }

    /**
     * The shared mapper. Do not reconfigure it: every module shares it. Use
     * {@code Json.mapper().copy()} for a variant.
     *
     * @return the shared mapper
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Decodes JSON text into a type.
     *
     * @param json the text
     * @param type the target type
     * @param <T> the target type
     * @return the decoded value
     * @throws DecodeException if the text is not valid JSON for the type; the message names the type
     *     and where the parse failed, never the whole input
     */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new DecodeException("cannot decode " + type.getSimpleName() + ": " + describe(e), e);
        }
    }

    /**
     * Decodes JSON bytes into a type.
     *
     * @param json UTF-8 JSON
     * @param type the target type
     * @param <T> the target type
     * @return the decoded value
     * @throws DecodeException if the bytes are not valid JSON for the type
     */
    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new DecodeException("cannot decode " + type.getSimpleName() + ": " + describe(e), e);
        }
    }

    /**
     * Parses JSON text into a tree, for raw access to any field.
     *
     * @param json the text
     * @return the tree
     * @throws DecodeException if the text is not valid JSON
     */
    public static JsonNode tree(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new DecodeException("cannot decode JSON: empty input");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new DecodeException("cannot decode JSON: " + describe(e), e);
        }
    }

    /**
     * Encodes a value as JSON text.
     *
     * @param value the value
     * @return JSON text
     * @throws DecodeException if the value cannot be encoded (a type Jackson cannot serialise)
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new DecodeException("cannot encode " + value.getClass().getSimpleName() + ": " + describe(e), e);
        }
    }

    /**
     * Decodes a tree already parsed into a type (no second pass over text).
     *
     * @param tree the tree
     * @param type the target type
     * @param <T> the target type
     * @return the decoded value
     * @throws DecodeException if the tree does not fit the type; the message names the type and the problem
     */
    public static <T> T read(JsonNode tree, Class<T> type) {
        return read(tree, MAPPER.constructType(type));
    }

    /**
     * Decodes a tree already parsed into a generic type ({@code List<Trade>}, ...).
     *
     * @param tree the tree
     * @param type the target type, e.g. from {@code Json.mapper().getTypeFactory()}
     * @param <T> the target type
     * @return the decoded value
     * @throws DecodeException if the tree does not fit the type
     */
    public static <T> T read(JsonNode tree, JavaType type) {
        try {
            return MAPPER.readerFor(type).readValue(tree);
        } catch (IOException | IllegalArgumentException e) {
            throw new DecodeException("cannot decode " + type.getRawClass().getSimpleName() + ": "
                    + (e instanceof IOException io ? describe(io) : e.getMessage()), e);
        }
    }

    /**
     * A short description of a JSON failure for an error message: Jackson's own message without the
     * input it quotes, and where the parse failed. Never the whole input (it may carry secrets).
     *
     * @param e the failure
     * @return the description
     */
    public static String describe(IOException e) {
        if (e instanceof JsonProcessingException jpe) {
            String m = jpe.getOriginalMessage();
            if (jpe.getLocation() != null) {
                m += " at line " + jpe.getLocation().getLineNr() + ", column " + jpe.getLocation().getColumnNr();
            }
            return m;
        }
        return e.getMessage();
    }
}
