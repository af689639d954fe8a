package dev.relaykit.binance.stream;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.relaykit.binance.model.PriceLevel;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A single-pass decoder derived from a flat event record, for {@link MarketStream#typed} streams
 * (the futures streams among them): the record's {@code @JsonProperty} names, read straight off the
 * parser into its canonical constructor, no tree. It takes only what it reads exactly as the shared
 * mapper would: {@code String}, {@code BigDecimal} (string or number), {@code long}/{@code Long},
 * {@code int}/{@code Integer}, {@code boolean}/{@code Boolean}, {@code Instant} from epoch
 * milliseconds (the component says {@code @JsonFormat(without = READ_DATE_TIMESTAMPS_AS_NANOSECONDS)}),
 * and {@code List<PriceLevel>}. A record with anything else (nested objects, enums, other Jackson
 * annotations, another creator) gets no decoder and keeps the general path. At run time every
 * surprise (a number sent as a string, an empty decimal, a missing order field, a constructor that
 * refuses) throws, and the caller falls back to the general path, which decodes it or says why not:
 * this decoder never decides anything the general path would decide differently.
 *
 * @param <T> the record type
 */
final class RecordDecoder<T> implements MarketStream.Fast<T> {
    private enum Kind { STRING, DECIMAL, LONG, INT, BOOLEAN, INSTANT, LEVELS }

    private final Constructor<T> constructor;
    private final Map<String, Integer> index = new HashMap<>();
    private final Kind[] kinds;
    private final boolean[] primitive;
    private final Method[] accessors;
    private final int required; // the component the order key comes from; it must be present (-1: none)

    private RecordDecoder(Constructor<T> constructor, String[] names, Kind[] kinds, boolean[] primitive,
                          Method[] accessors, int required) {
        this.constructor = constructor;
        for (int i = 0; i < names.length; i++) {
            index.put(names[i], i);
        }
        this.kinds = kinds;
        this.primitive = primitive;
        this.accessors = accessors;
        this.required = required;
    }

    /**
     * @param type the event record
     * @param orderField the JSON name of the stream's sequence field ({@code a}, {@code u}, ...), or
     *     {@code null} for a stream whose copies are told by content (its order key is then
     *     {@link Long#MIN_VALUE})
     * @param <T> the record type
     * @return the decoder with its order key, or {@code null} if the record is not one it reads exactly
     */
    static <T> Decoded<T> of(Class<T> type, String orderField) {
        if (!type.isRecord() || hasJacksonAnnotation(type.getAnnotations())) {
            return null;
        }
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] raw = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            raw[i] = components[i].getType();
        }
        Constructor<T> canonical;
        try {
            canonical = type.getDeclaredConstructor(raw);
        } catch (NoSuchMethodException e) {
            return null;
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (!c.equals(canonical) && hasJacksonAnnotation(c.getAnnotations())) {
                return null; // another creator: Jackson would use it
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && hasJacksonAnnotation(m.getAnnotations())) {
                return null; // a factory creator
            }
        }
        String[] names = new String[components.length];
        Kind[] kinds = new Kind[components.length];
        boolean[] primitive = new boolean[components.length];
        Method[] accessors = new Method[components.length];
        Parameter[] params = canonical.getParameters();
        int required = -1;
        for (int i = 0; i < components.length; i++) {
            // a component's annotations land on its field, accessor and constructor parameter: read them all
            Annotation[] field;
            try {
                field = type.getDeclaredField(components[i].getName()).getAnnotations();
            } catch (NoSuchFieldException e) {
                return null;
            }
            JsonProperty property = null;
            JsonFormat format = null;
            for (Annotation[] on : new Annotation[][] {field, params[i].getAnnotations(), components[i].getAccessor().getAnnotations()}) {
                for (Annotation a : on) {
                    if (a instanceof JsonProperty jp) {
                        if (property != null && !property.equals(jp)) {
                            return null;
                        }
                        property = jp;
                    } else if (a instanceof JsonFormat jf) {
                        if (format != null && !format.equals(jf)) {
                            return null;
                        }
                        format = jf;
                    } else if (isJackson(a)) {
                        return null;
                    }
                }
            }
            if (property == null || property.value().isEmpty() || property.access() != JsonProperty.Access.AUTO) {
                return null; // names come from bytecode parameter names otherwise: leave it to Jackson
            }
            Kind kind = kind(components[i].getGenericType(), format);
            if (kind == null || index(names, property.value()) >= 0) {
                return null;
            }
            names[i] = property.value();
            kinds[i] = kind;
            primitive[i] = raw[i].isPrimitive();
            accessors[i] = components[i].getAccessor();
            if (property.value().equals(orderField)) {
                required = i;
            }
        }
        if (orderField != null && (required < 0 || !(kinds[required] == Kind.LONG || kinds[required] == Kind.INSTANT))) {
            return null;
        }
        try {
            canonical.setAccessible(true);
        } catch (RuntimeException e) {
            return null;
        }
        RecordDecoder<T> decoder = new RecordDecoder<>(canonical, names, kinds, primitive, accessors, required);
        return new Decoded<>(decoder, decoder::order);
    }

    /**
     * A decoder and the order key of what it decodes.
     *
     * @param decoder the decoder
     * @param order the order key of a decoded event
     * @param <T> the record type
     */
    record Decoded<T>(MarketStream.Fast<T> decoder, ToLongFunction<T> order) {
    }

    private static int index(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (name.equals(names[i])) {
                return i;
            }
        }
        return -1;
    }

    private static Kind kind(Type type, JsonFormat format) {
        if (type == Instant.class) {
            // only what reads an integer as milliseconds for sure; anything else in the format is Jackson's
            boolean millis = format != null && format.without().length == 1
                    && format.without()[0] == JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS
                    && format.with().length == 0 && format.pattern().isEmpty() && format.shape() == JsonFormat.Shape.ANY;
            return millis ? Kind.INSTANT : null;
        }
        if (format != null) {
            return null;
        }
        if (type == String.class) {
            return Kind.STRING;
        }
        if (type == BigDecimal.class) {
            return Kind.DECIMAL;
        }
        if (type == long.class || type == Long.class) {
            return Kind.LONG;
        }
        if (type == int.class || type == Integer.class) {
            return Kind.INT;
        }
        if (type == boolean.class || type == Boolean.class) {
            return Kind.BOOLEAN;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] == PriceLevel.class) {
            return Kind.LEVELS;
        }
        return null;
    }

    private static boolean hasJacksonAnnotation(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (isJackson(a)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJackson(Annotation a) {
        return a.annotationType().getName().startsWith("com.fasterxml.jackson.");
    }

    @Override
    public T decode(JsonParser p) throws IOException {
        Object[] args = new Object[kinds.length];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            Integer i = index.get(p.currentName());
            JsonToken t = p.nextToken();
            if (i == null) {
                p.skipChildren();
            } else {
                args[i] = read(kinds[i], p, t);
            }
        }
        if (required >= 0 && args[required] == null) {
            throw new IOException("no order field");
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null && primitive[i]) {
                throw new IOException("no " + kinds[i] + " field"); // the general path says what a missing one means
            }
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException | InstantiationException | IllegalAccessException e) {
            throw new IOException("constructor refused", e);
        }
    }

    private static Object read(Kind kind, JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL && kind != Kind.LONG && kind != Kind.INT && kind != Kind.BOOLEAN) {
            return null; // a null number or flag throws below: the general path applies Jackson's rules to it
        }
        switch (kind) {
            case STRING:
                if (t == JsonToken.VALUE_STRING) {
                    return p.getText();
                }
                break;
            case DECIMAL:
                if (t == JsonToken.VALUE_STRING && p.getTextLength() > 0) {
                    return new BigDecimal(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                }
                if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                    return p.getDecimalValue();
                }
                break;
            case LONG:
                if (t == JsonToken.VALUE_NUMBER_INT) {
                    return p.getLongValue();
                }
                break;
            case INT:
                if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                    return p.getIntValue();
                }
                break;
            case BOOLEAN:
                if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                    return t == JsonToken.VALUE_TRUE;
                }
                break;
            case INSTANT:
                if (t == JsonToken.VALUE_NUMBER_INT) {
                    return Instant.ofEpochMilli(p.getLongValue());
                }
                break;
            case LEVELS:
                return FastDecoders.levels(p, t);
            default:
                break;
        }
        throw new IOException("unexpected " + t + " for a " + kind + " field");
    }

    private long order(T event) {
        if (required < 0) {
            return Long.MIN_VALUE; // copies of this stream are told by content
        }
        try {
            Object v = accessors[required].invoke(event);
            return v instanceof Instant i ? i.toEpochMilli() : ((Number) v).longValue();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
