package org.law12348.app;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request bodies an attacker or a broken client sends. Shaped bodies follow the endpoint's own
 * request type (found by reflection), so every string field of every new endpoint gets the hostile
 * value without anyone listing fields by hand.
 */
final class HostileBodies {

    /** Strings that must be stored or refused as text, never interpreted. */
    static final List<String> HOSTILE_STRINGS = List.of(
            "' OR '1'='1'; DROP TABLE ticket; --",
            "\"; delete from outbox_event where 1=1; select '",
            "<script>alert(document.cookie)</script><img src=x onerror=alert(1)>",
            "${jndi:ldap://127.0.0.1/a} #{7*7} {{7*7}} %s%n%x",
            "\u202E工资\u202D拖欠\u200B\uFEFF了三个月，请问怎么办？",
            "😀👨‍👩‍👧‍👦𠀀𪚥 四字节字符与表情，拖欠工资怎么办？",
            "\u0000\u0001\u001F控制字符");

    /** Query parameter values: each request puts one of them into every parameter. */
    static final List<String> QUERY_STRINGS = List.of(
            "' OR '1'='1'; DROP TABLE ticket; --",
            "<script>alert(1)</script>\u202E😀\u0000",
            "-1", "99999999999999999999", "2026-02-30T25:61", "NaN");

    /** JSON text (with escapes Java strings cannot carry) put into every string field. */
    static final List<String> RAW_JSON_STRINGS = List.of(
            "\"\\ud800 lone high surrogate \\udfff\"",
            "\"\\u0000\"",
            "\"" + "长".repeat(20_000) + "\"");

    private HostileBodies() {
    }

    /** Bodies that are not what any endpoint reads, whatever its request type. */
    static Map<String, byte[]> shapeless() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("malformed JSON", utf8("{\"text\": \"未闭合"));
        bodies.put("trailing garbage", utf8("{} {} ]]]"));
        bodies.put("array instead of object", utf8("[1,2,3]"));
        bodies.put("bare string", utf8("\"text\""));
        bodies.put("JSON null", utf8("null"));
        bodies.put("empty body", new byte[0]);
        bodies.put("10,000 nested arrays", utf8("[".repeat(10_000) + "]".repeat(10_000)));
        bodies.put("10,000 nested objects", utf8("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)));
        bodies.put("body over 256 KB", utf8("{\"text\":\"" + "欠".repeat(100_000) + "\"}"));
        bodies.put("invalid UTF-8", concat(utf8("{\"text\":\"工资"), new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF,
                (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80}, utf8("\"}")));
        bodies.put("huge number", utf8("{\"score\": 1" + "0".repeat(5_000) + ", \"id\": 1e99999}"));
        return bodies;
    }

    /** A body of the endpoint's request type with {@code stringJson} (JSON text) in every string field. */
    static String shaped(Class<?> type, String stringJson) {
        return value(type, null, stringJson, 0);
    }

    /** A body of the endpoint's request type with an object where a scalar belongs, and vice versa. */
    static String wrongTypes(Class<?> type) {
        if (!type.isRecord()) {
            return "{\"text\":{\"nested\":[true]},\"score\":\"五\"}";
        }
        StringBuilder json = new StringBuilder("{");
        for (RecordComponent component : type.getRecordComponents()) {
            boolean scalar = component.getType() == String.class || Number.class.isAssignableFrom(component.getType())
                    || component.getType().isPrimitive() || component.getType().isEnum();
            json.append(json.length() > 1 ? "," : "").append('"').append(component.getName()).append("\":")
                    .append(scalar ? "{\"nested\":[true]}" : "\"不是对象\"");
        }
        return json.append('}').toString();
    }

    private static String value(Class<?> type, Type generic, String stringJson, int depth) {
        if (type == String.class || type == Object.class) {
            return stringJson;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "2147483648";
        }
        if (type == Double.class || type == double.class || type == java.math.BigDecimal.class) {
            return "-1e308";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true";
        }
        if (type.isEnum()) {
            return stringJson;
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return stringJson;
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            Class<?> element = type.isArray() ? type.getComponentType() : elementOf(generic);
            return "[" + value(element, null, stringJson, depth + 1) + "]";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "{\"key\":" + stringJson + "}";
        }
        if (type.isRecord() && depth < 4) {
            StringBuilder json = new StringBuilder("{");
            for (RecordComponent component : type.getRecordComponents()) {
                json.append(json.length() > 1 ? "," : "").append('"').append(component.getName()).append("\":")
                        .append(value(component.getType(), component.getGenericType(), stringJson, depth + 1));
            }
            return json.append('}').toString();
        }
        return "{}";
    }

    private static Class<?> elementOf(Type generic) {
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return String.class;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
