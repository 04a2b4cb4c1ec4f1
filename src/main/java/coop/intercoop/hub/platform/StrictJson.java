package coop.intercoop.hub.platform;

import java.io.File;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

/**
 * Reads a request body exactly as JSON says and the endpoint's type declares, before JSON-B binds it. JSON-B
 * implementations are lenient where leniency changes meaning: Yasson reads {@code "readOnly":1} or {@code "yes"} as
 * {@code false}, {@code [1]} as the number 1, {@code 1.5} as the integer 1, {@code 1e20} as an int that wrapped around,
 * {@code 5} as the text "5"; it ignores what follows the first value and keeps the last of two equal keys. Here the
 * body is decoded as UTF-8 refusing malformed bytes, parsed once with the platform's JSON-P parser (which refuses
 * trailing content and nesting deeper than its limit), duplicate keys are refused, and every value is checked against
 * the Java type of the property it binds to. Binding then stays JSON-B's.
 */
public final class StrictJson {

    /** Looked up once: {@code Json.create...} finds the provider anew on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Integer digits or decimal places beyond which a number can only be a mistake or an attack. */
    private static final int MAX_DIGITS = 30;

    private StrictJson() {
    }

    /**
     * Decodes and parses {@code body} and checks it against {@code type}.
     *
     * @throws InvalidJsonException
     *             naming the field when there is one
     */
    public static JsonValue read(byte[] body, Charset charset, Type type) {
        JsonValue value = parse(decode(body, charset));
        check(value, type, "");
        return value;
    }

    /** Whether a body bound to this type is JSON to check (not raw text, bytes or a stream). */
    public static boolean binds(Class<?> type) {
        return !(type == String.class || type == byte[].class || InputStream.class.isAssignableFrom(type)
                || Reader.class.isAssignableFrom(type) || type == File.class || JsonValue.class.isAssignableFrom(type));
    }

    static String decode(byte[] body, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidJsonException(null, "json.encoding");
        }
    }

    static JsonValue parse(String text) {
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            JsonValue value;
            try {
                value = read(parser, parser.next(), "");
            } catch (InvalidJsonException e) {
                throw e;
            } catch (RuntimeException malformed) {
                // JsonParsingException, NoSuchElementException on an empty text, the parser's depth limit
                throw new InvalidJsonException(null, "json.malformed");
            }
            try {
                if (parser.hasNext()) {
                    throw new InvalidJsonException(null, "json.trailing");
                }
            } catch (JsonParsingException trailing) {
                throw new InvalidJsonException(null, "json.trailing");
            }
            return value;
        }
    }

    /** Builds the value the parser is at, refusing a key that an object has twice. */
    private static JsonValue read(JsonParser parser, JsonParser.Event event, String path) {
        switch (event) {
            case START_OBJECT: {
                JsonObjectBuilder object = JSON.createObjectBuilder();
                Set<String> keys = new HashSet<>();
                for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_OBJECT; e = parser.next()) {
                    String key = parser.getString();
                    String at = path.isEmpty() ? key : path + "." + key;
                    if (!keys.add(key)) {
                        throw new InvalidJsonException(at, "json.duplicate");
                    }
                    object.add(key, read(parser, parser.next(), at));
                }
                return object.build();
            }
            case START_ARRAY: {
                JsonArrayBuilder array = JSON.createArrayBuilder();
                int i = 0;
                for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_ARRAY; e = parser.next()) {
                    array.add(read(parser, e, path + "[" + i++ + "]"));
                }
                return array.build();
            }
            default:
                return parser.getValue();
        }
    }

    /** Refuses a value that is not exactly of the type its property declares; null is left to Bean Validation. */
    static void check(JsonValue value, Type type, String path) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            Type[] arguments = generic.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                checkArray(value, arguments[0], path);
            } else if (Map.class.isAssignableFrom(raw)) {
                JsonObject object = expect(value, JsonValue.ValueType.OBJECT, "json.object", path).asJsonObject();
                object.forEach((key, member) -> check(member, arguments[1], join(path, key)));
            } else if (raw == Optional.class) {
                check(value, arguments[0], path);
            } else {
                checkClass(value, raw, path);
            }
        } else if (type instanceof GenericArrayType array) {
            checkArray(value, array.getGenericComponentType(), path);
        } else if (type instanceof Class<?> c) {
            checkClass(value, c, path);
        }
        // type variables and wildcards: left to JSON-B
    }

    private static void checkClass(JsonValue value, Class<?> type, String path) {
        if (type == Boolean.class || type == boolean.class) {
            if (value.getValueType() != JsonValue.ValueType.TRUE && value.getValueType() != JsonValue.ValueType.FALSE) {
                throw new InvalidJsonException(path, "json.boolean");
            }
        } else if (isInteger(type)) {
            checkInteger(expect(value, JsonValue.ValueType.NUMBER, "json.integer", path), type, path);
        } else if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            checkDigits(((JsonNumber) expect(value, JsonValue.ValueType.NUMBER, "json.number", path)).bigDecimalValue(),
                    path);
        } else if (isText(type)) {
            expect(value, JsonValue.ValueType.STRING, "json.string", path);
        } else if (type.isArray()) {
            checkArray(value, type.getComponentType(), path);
        } else if (Collection.class.isAssignableFrom(type)) {
            expect(value, JsonValue.ValueType.ARRAY, "json.array", path);
        } else if (Map.class.isAssignableFrom(type)) {
            expect(value, JsonValue.ValueType.OBJECT, "json.object", path);
        } else if (type == Object.class || JsonValue.class.isAssignableFrom(type) || type.isInterface()) {
            return;
        } else {
            JsonObject object = expect(value, JsonValue.ValueType.OBJECT, "json.object", path).asJsonObject();
            for (Map.Entry<String, JsonValue> member : object.entrySet()) {
                Type property = propertyType(type, member.getKey());
                if (property != null) { // an unknown property is JSON-B's to refuse
                    check(member.getValue(), property, join(path, member.getKey()));
                }
            }
        }
    }

    private static void checkArray(JsonValue value, Type element, String path) {
        JsonArray array = expect(value, JsonValue.ValueType.ARRAY, "json.array", path).asJsonArray();
        for (int i = 0; i < array.size(); i++) {
            check(array.get(i), element, path + "[" + i + "]");
        }
    }

    private static void checkInteger(JsonValue value, Class<?> type, String path) {
        BigDecimal number = ((JsonNumber) value).bigDecimalValue();
        checkDigits(number, path);
        if (number.scale() > 0 && number.remainder(BigDecimal.ONE).signum() != 0) {
            throw new InvalidJsonException(path, "json.integer");
        }
        BigInteger whole = number.toBigInteger();
        BigInteger[] range = type == byte.class || type == Byte.class
                ? new BigInteger[] { BigInteger.valueOf(Byte.MIN_VALUE), BigInteger.valueOf(Byte.MAX_VALUE) }
                : type == short.class || type == Short.class
                        ? new BigInteger[] { BigInteger.valueOf(Short.MIN_VALUE), BigInteger.valueOf(Short.MAX_VALUE) }
                        : type == int.class || type == Integer.class
                                ? new BigInteger[] { BigInteger.valueOf(Integer.MIN_VALUE),
                                        BigInteger.valueOf(Integer.MAX_VALUE) }
                                : type == long.class || type == Long.class
                                        ? new BigInteger[] { BigInteger.valueOf(Long.MIN_VALUE),
                                                BigInteger.valueOf(Long.MAX_VALUE) }
                                        : null;
        if (range != null && (whole.compareTo(range[0]) < 0 || whole.compareTo(range[1]) > 0)) {
            throw new InvalidJsonException(path, "json.range");
        }
    }

    /** A number such as {@code 1e1000000000} is cheap to send and ruinous to compute with. */
    private static void checkDigits(BigDecimal number, String path) {
        if (number.signum() != 0 && (number.precision() - number.scale() > MAX_DIGITS || number.scale() > MAX_DIGITS)) {
            throw new InvalidJsonException(path, "json.range");
        }
    }

    private static boolean isInteger(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == byte.class || type == Byte.class
                || type == BigInteger.class;
    }

    /** Types JSON carries as a string: text, enums, dates and times, identifiers. */
    private static boolean isText(Class<?> type) {
        return type == String.class || type == char.class || type == Character.class || type.isEnum()
                || Temporal.class.isAssignableFrom(type) || TemporalAmount.class.isAssignableFrom(type)
                || Date.class.isAssignableFrom(type) || type == UUID.class || type == URI.class || type == URL.class
                || type == java.util.Locale.class || java.time.ZoneId.class.isAssignableFrom(type);
    }

    private static JsonValue expect(JsonValue value, JsonValue.ValueType type, String key, String path) {
        if (value.getValueType() != type) {
            throw new InvalidJsonException(path, key);
        }
        return value;
    }

    /**
     * The declared type of a bound property, found as the API's JSON-B configuration finds properties: a record's
     * component, a field, or a public setter, searched up the class hierarchy.
     */
    static Type propertyType(Class<?> type, String name) {
        if (name.isEmpty()) {
            return null;
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals(name)) {
                    return component.getGenericType();
                }
            }
            return null;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(name) && !Modifier.isStatic(field.getModifiers())) {
                    return field.getGenericType();
                }
            }
        }
        String setter = "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (Method method : type.getMethods()) {
            if (method.getName().equals(setter) && method.getParameterCount() == 1) {
                return method.getGenericParameterTypes()[0];
            }
        }
        return null;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
