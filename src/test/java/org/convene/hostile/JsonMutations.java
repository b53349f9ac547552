package org.convene.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.convene.web.Json;

/** Ways to spoil a valid JSON body, each described for the report. */
final class JsonMutations {

    /** A spoilt body and what was done to it. */
    record Spoilt(String body, String what) {
    }

    private JsonMutations() {
    }

    /** A place in a JSON tree: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index, String path) {
        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static List<Slot> slots(JsonNode node, String path) {
        List<Slot> slots = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                slots.add(new Slot(node, e.getKey(), -1, path + "." + e.getKey()));
                slots.addAll(slots(e.getValue(), path + "." + e.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                slots.add(new Slot(node, null, i, path + "[" + i + "]"));
                slots.addAll(slots(node.get(i), path + "[" + i + "]"));
            }
        }
        return slots;
    }

    /** One random way of spoiling {@code valid} (which is changed in place for the field mutations). */
    static Spoilt spoil(Random random, JsonNode valid) {
        String original = valid.toString();
        List<Slot> slots = slots(valid, "");
        List<Slot> strings = slots.stream().filter(s -> s.get().isTextual()).toList();
        int kind = random.nextInt(100);
        if (kind < 45 && !strings.isEmpty()) {
            Slot s = Hostile.pick(random, strings);
            String text = Hostile.text(random);
            s.set(JsonNodeFactory.instance.textNode(text));
            return new Spoilt(valid.toString(), s.path + " = hostile text");
        }
        if (kind < 60 && !slots.isEmpty()) {
            Slot s = Hostile.pick(random, slots);
            JsonNode value = Hostile.value(random);
            s.set(value);
            return new Spoilt(valid.toString(), s.path + " = " + kindOf(value));
        }
        if (kind < 70 && !strings.isEmpty()) {
            String text = Hostile.text(random);
            strings.forEach(s -> s.set(JsonNodeFactory.instance.textNode(text)));
            return new Spoilt(valid.toString(), "every text field = hostile text");
        }
        if (kind < 75 && valid.isObject() && valid.size() > 0) {
            List<String> names = new ArrayList<>();
            valid.fieldNames().forEachRemaining(names::add);
            String name = Hostile.pick(random, names);
            ((ObjectNode) valid).remove(name);
            return new Spoilt(valid.toString(), "without ." + name);
        }
        if (kind < 78 && valid.isObject()) {
            ((ObjectNode) valid).set(Hostile.pick(random, List.of("id", "createdBy", "roles", "__proto__", "unknown")),
                    Hostile.value(random));
            return new Spoilt(valid.toString(), "with an extra field");
        }
        return new Spoilt(Hostile.brokenJson(random, original), "malformed JSON");
    }

    /** Puts {@code text} in every text field of the body (changed in place). */
    static Spoilt everyText(JsonNode valid, String text) {
        slots(valid, "").stream().filter(s -> s.get().isTextual()).forEach(s -> s.set(JsonNodeFactory.instance.textNode(text)));
        return new Spoilt(valid.toString(), "every text field = " + Attack.shorten(text).substring(0, Math.min(12, Attack.shorten(text).length())));
    }

    /**
     * Puts {@code markup} in every free-text field of a valid body (those holding "Valid ..." text)
     * and {@code link} in every link field (those holding an example.org address; left alone when
     * null). Returns how many fields were changed.
     */
    static int replaceText(JsonNode body, String markup, String link) {
        int changed = 0;
        for (Slot s : slots(body, "")) {
            JsonNode v = s.get();
            if (v.isTextual() && v.asText().startsWith("Valid ")) {
                s.set(JsonNodeFactory.instance.textNode(markup));
                changed++;
            } else if (v.isTextual() && link != null && v.asText().startsWith("https://example.org/")) {
                s.set(JsonNodeFactory.instance.textNode(link));
                changed++;
            }
        }
        return changed;
    }

    private static String kindOf(JsonNode value) {
        if (value.isTextual()) {
            return "text";
        }
        if (value.isArray()) {
            return "array of " + value.size();
        }
        return value.getNodeType().name().toLowerCase() + (value.isNumber() ? " " + Attack.shorten(value.toString()) : "");
    }

    static String write(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
