package dev.sfu.cluster.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfu.signaling.JsonSupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Turns a valid request body into a hostile one, deterministically for a seed: a field of the wrong type, a
 * missing or extra field, a huge string or number, deep nesting, invalid UTF-8, random bytes, a truncated body.
 * Each mutation says what it did, so a failing answer can be traced to its input.
 */
final class BodyFuzzer {
    /** A mutated body and the content type to send it with. */
    record Mutation(String description, byte[] body, String contentType) {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] CONTENT_TYPES = {"text/plain", "application/x-www-form-urlencoded", null,
            "application/json; charset=utf-16", "multipart/form-data; boundary=x", "%%%/???", "application/xml"};

    private final Random random;

    BodyFuzzer(long seed) {
        this.random = new Random(seed);
    }

    Mutation mutate(JsonNode valid) {
        int kind = random.nextInt(12);
        return switch (kind) {
            case 0, 1 -> replaceSomeValue(valid);
            case 2 -> removeSomeField(valid);
            case 3 -> addFields(valid);
            case 4 -> bytes("invalid UTF-8 inside the JSON", insertInvalidUtf8(write(valid)));
            case 5 -> bytes("truncated", truncate(write(valid)));
            case 6 -> bytes("random bytes", randomBytes(1 + random.nextInt(4096)));
            case 7 -> bytes("deep nesting", deepNesting(2000 + random.nextInt(20_000)));
            case 8 -> new Mutation("wrong content type", write(valid), CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)]);
            case 9 -> bytes("flipped bytes", flipBytes(write(valid)));
            case 10 -> bytes("not an object", write(weirdValue()));
            default -> bytes("huge number literal", ("{\"room\": " + "9".repeat(1 + random.nextInt(200_000)) + "}")
                    .getBytes(StandardCharsets.UTF_8));
        };
    }

    private Mutation replaceSomeValue(JsonNode valid) {
        JsonNode copy = valid.deepCopy();
        List<ObjectNode> objects = objectsIn(copy);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> names = fieldNames(target);
        if (names.isEmpty()) return addFields(valid);
        String name = names.get(random.nextInt(names.size()));
        JsonNode value = weirdValue();
        target.set(name, value);
        return json("field '" + name + "' set to " + abbreviate(value), copy);
    }

    private Mutation removeSomeField(JsonNode valid) {
        JsonNode copy = valid.deepCopy();
        List<ObjectNode> objects = objectsIn(copy);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        List<String> names = fieldNames(target);
        if (names.isEmpty()) return addFields(valid);
        String name = names.get(random.nextInt(names.size()));
        target.remove(name);
        return json("field '" + name + "' removed", copy);
    }

    private Mutation addFields(JsonNode valid) {
        JsonNode copy = valid.deepCopy();
        List<ObjectNode> objects = objectsIn(copy);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        int count = 1 + random.nextInt(random.nextBoolean() ? 3 : 5000);
        for (int i = 0; i < count; i++) target.set("extra" + i + "-" + random.nextInt(1000), weirdValue());
        return json(count + " extra fields", copy);
    }

    /** A value of some type, often a hostile one. */
    private JsonNode weirdValue() {
        return switch (random.nextInt(14)) {
            case 0 -> JSON.nullNode();
            case 1 -> JSON.booleanNode(random.nextBoolean());
            case 2 -> JSON.numberNode(random.nextLong());
            case 3 -> JSON.numberNode(new java.math.BigInteger(2000, random));
            case 4 -> JSON.numberNode(random.nextDouble() * 1e300);
            case 5 -> JSON.textNode("x".repeat(random.nextInt(200_000)));
            case 6 -> JSON.textNode("");
            case 7 -> JSON.textNode("\ud800\u0000\uffff'\"<script>");
            case 8 -> JSON.arrayNode();
            case 9 -> JSON.objectNode();
            case 10 -> nestedArray(50 + random.nextInt(500));
            case 11 -> {
                ArrayNode many = JSON.arrayNode();
                for (int i = 0; i < 5000; i++) many.add(i);
                yield many;
            }
            case 12 -> JSON.numberNode(-1);
            default -> JSON.textNode(Long.toString(random.nextLong(), 36));
        };
    }

    private JsonNode nestedArray(int depth) {
        ArrayNode outer = JSON.arrayNode();
        ArrayNode current = outer;
        for (int i = 0; i < depth; i++) {
            ArrayNode inner = JSON.arrayNode();
            current.add(inner);
            current = inner;
        }
        return outer;
    }

    private static byte[] deepNesting(int depth) {
        StringBuilder json = new StringBuilder("{\"room\": ");
        json.append("[".repeat(depth)).append("]".repeat(depth)).append('}');
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] insertInvalidUtf8(byte[] json) {
        byte[][] invalid = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
        byte[] bad = invalid[random.nextInt(invalid.length)];
        int quote = indexOfRandomQuote(json);
        byte[] out = new byte[json.length + bad.length];
        System.arraycopy(json, 0, out, 0, quote + 1);
        System.arraycopy(bad, 0, out, quote + 1, bad.length);
        System.arraycopy(json, quote + 1, out, quote + 1 + bad.length, json.length - quote - 1);
        return out;
    }

    private int indexOfRandomQuote(byte[] json) {
        List<Integer> quotes = new ArrayList<>();
        for (int i = 0; i < json.length; i++) if (json[i] == '"') quotes.add(i);
        return quotes.isEmpty() ? 0 : quotes.get(random.nextInt(quotes.size()));
    }

    private byte[] truncate(byte[] json) {
        return java.util.Arrays.copyOf(json, random.nextInt(Math.max(1, json.length - 1)));
    }

    private byte[] flipBytes(byte[] json) {
        byte[] out = json.clone();
        for (int i = 0; i < 1 + random.nextInt(8); i++) out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        return out;
    }

    private byte[] randomBytes(int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    private static List<ObjectNode> objectsIn(JsonNode root) {
        List<ObjectNode> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(JsonNode node, List<ObjectNode> found) {
        if (node instanceof ObjectNode object) found.add(object);
        node.elements().forEachRemaining(child -> collect(child, found));
    }

    private static List<String> fieldNames(ObjectNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) names.add(it.next());
        return names;
    }

    private static Mutation json(String description, JsonNode body) {
        return new Mutation(description, write(body), "application/json");
    }

    private static Mutation bytes(String description, byte[] body) {
        return new Mutation(description, body, "application/json");
    }

    static byte[] write(JsonNode node) {
        try {
            return JsonSupport.MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 60) + "... (" + text.length() + " chars)" : text;
    }
}
