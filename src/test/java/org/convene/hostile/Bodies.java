package org.convene.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.web.Json;

/**
 * Valid request bodies for the API, built from the request schemas in openapi.json: every
 * property (or only the required ones) with a value its type, format, enum, range or example
 * allows; id fields get real ids from {@link Ids}. Text values are unique within a run, so
 * things that must have distinct names can be made again and again.
 */
final class Bodies {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

    private final JsonNode doc;
    private final Ids ids;
    private final AtomicInteger counter = new AtomicInteger();

    Bodies(Ids ids) {
        this.ids = ids;
        try (InputStream in = Bodies.class.getResourceAsStream("/openapi.json")) {
            this.doc = Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operation's request body description, if it takes one. */
    Optional<JsonNode> requestBody(String method, String path) {
        JsonNode body = doc.path("paths").path(path).path(method.toLowerCase(Locale.ROOT)).path("requestBody");
        return body.isMissingNode() ? Optional.empty() : Optional.of(body);
    }

    /** The content types the operation's body may have. */
    List<String> contentTypes(String method, String path) {
        List<String> types = new ArrayList<>();
        requestBody(method, path).ifPresent(b -> b.path("content").fieldNames().forEachRemaining(types::add));
        return types;
    }

    /** The query parameters the operation documents, with their schemas. */
    Map<String, JsonNode> queryParameters(String method, String path) {
        Map<String, JsonNode> params = new java.util.LinkedHashMap<>();
        for (JsonNode p : doc.path("paths").path(path).path(method.toLowerCase(Locale.ROOT)).path("parameters")) {
            if ("query".equals(p.path("in").asText())) {
                params.put(p.path("name").asText(), p.path("schema"));
            }
        }
        return params;
    }

    /** The operation's summary and description, where CSV bodies name their header. */
    String prose(String method, String path) {
        JsonNode op = doc.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
        return op.path("summary").asText("") + " " + op.path("description").asText("") + " "
                + op.path("requestBody").path("description").asText("");
    }

    /** The header row a CSV body must have, as the operation's description gives it. */
    List<String> csvHeader(String method, String path) {
        Matcher m = BACKTICKED.matcher(prose(method, path));
        while (m.find()) {
            String quoted = m.group(1);
            if (quoted.matches("[a-z_]+(,[a-z_]+)*")) {
                return List.of(quoted.split(","));
            }
        }
        return List.of();
    }

    /**
     * How to build a body: with every property or only the required ones, without some (that the
     * server refused), and with which option of each enum (0 the first, 1 the second, ...).
     */
    record Shape(boolean everyProperty, java.util.Set<String> without, int option) {
        static Shape every() {
            return new Shape(true, java.util.Set.of(), 0);
        }

        static Shape required() {
            return new Shape(false, java.util.Set.of(), 0);
        }

        Shape without(java.util.Collection<String> fields) {
            java.util.Set<String> more = new java.util.TreeSet<>(without);
            more.addAll(fields);
            return new Shape(everyProperty, more, option);
        }

        Shape nextOption() {
            return new Shape(everyProperty, without, option + 1);
        }
    }

    /** A valid JSON body of this shape. */
    JsonNode json(String method, String path, Map<String, String> context, Shape shape) {
        this.context = context;
        this.shape = shape;
        JsonNode schema = requestBody(method, path).orElseThrow().path("content").path("application/json").path("schema");
        return value(schema, "");
    }

    private Map<String, String> context = Map.of();
    private Shape shape = Shape.every();

    private JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            String[] parts = schema.get("$ref").asText().substring(2).split("/");
            JsonNode target = doc;
            for (String p : parts) {
                target = target.path(p);
            }
            schema = target;
        }
        if (schema.has("allOf")) {
            ObjectNode merged = JSON.objectNode();
            ObjectNode properties = merged.putObject("properties");
            ArrayNode required = merged.putArray("required");
            merged.put("type", "object");
            for (JsonNode part : schema.get("allOf")) {
                JsonNode r = resolve(part);
                r.path("properties").fields().forEachRemaining(e -> properties.set(e.getKey(), e.getValue()));
                r.path("required").forEach(required::add);
            }
            return merged;
        }
        return schema;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    JsonNode value(JsonNode schema, String name) {
        schema = resolve(schema);
        if (schema.has("example") && !type(schema).equals("object")) {
            return schema.get("example");
        }
        if (schema.has("enum")) {
            List<JsonNode> options = new ArrayList<>();
            schema.get("enum").forEach(o -> {
                if (!o.isNull()) {
                    options.add(o);
                }
            });
            return options.get(shape.option() % options.size());
        }
        return switch (type(schema)) {
            case "object" -> object(schema, name);
            case "array" -> array(schema, name);
            case "integer" -> JSON.numberNode(integer(schema, name));
            case "number" -> JSON.numberNode(schema.has("minimum") ? schema.get("minimum").asDouble() : 1.0);
            case "boolean" -> JSON.booleanNode(name.equals("listed") || name.equals("arrived") || name.equals("inFavour")
                    || name.equals("met"));
            default -> JSON.textNode(string(schema, name));
        };
    }

    private JsonNode object(JsonNode schema, String name) {
        ObjectNode object = JSON.objectNode();
        if (!schema.has("properties") && schema.path("additionalProperties").isObject()) {
            // A map: person id (or community id) to a value
            String key = name.equals("statuses")
                    ? ids.first("SELECT person_id FROM enrolments e JOIN modules m ON m.cohort_id = e.cohort_id WHERE m.id = :p "
                    + "ORDER BY person_id DESC LIMIT 1", context.getOrDefault("id", "0")).orElse("1")
                    : ids.first("SELECT community_id FROM community_members WHERE person_id = 3 LIMIT 1", null).orElse("1");
            object.set(key, value(schema.get("additionalProperties"), name + "[]"));
            return object;
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if ((shape.everyProperty() || required.contains(p.getKey())) && !shape.without().contains(p.getKey())) {
                object.set(p.getKey(), value(p.getValue(), p.getKey()));
            }
        }
        return object;
    }

    private JsonNode array(JsonNode schema, String name) {
        ArrayNode array = JSON.arrayNode();
        String item = switch (name) {
            case "personIds", "members", "facilitators", "partnerIds" -> name.equals("partnerIds") ? "organisationId" : "person";
            default -> name;
        };
        if (name.equals("ids")) {
            return array;
        }
        if (name.equals("members") && context.getOrDefault("route", "").endsWith("/clusters")) {
            ids.candidates(context.get("id")).forEach(c -> array.add(Long.parseLong(c)));
            return array;
        }
        array.add(value(schema.path("items"), item));
        return array;
    }

    private long integer(JsonNode schema, String name) {
        if (name.equals("questionId")) {
            return ids.first("SELECT id FROM survey_questions WHERE survey_id = :p ORDER BY position LIMIT 1",
                    context.getOrDefault("surveyId", "0")).map(Long::parseLong).orElse(1L);
        }
        Optional<Long> id = ids.field(name, context);
        if (id.isPresent()) {
            return id.get();
        }
        if (schema.has("minimum")) {
            return Math.max(schema.get("minimum").asLong(), name.equals("size") ? 3 : 1);
        }
        return name.equals("years") ? 5 : 1;
    }

    private String string(JsonNode schema, String name) {
        int n = counter.incrementAndGet();
        String format = schema.path("format").asText("");
        LocalDate today = LocalDate.now();
        if (format.equals("date")) {
            if (name.equals("date") && context.containsKey("measure")) {
                return today.minusDays(n).toString();
            }
            int days = name.startsWith("end") || name.equals("reviewOn") ? 60
                    : name.equals("heldOn") ? 0 : name.startsWith("started") ? -10 : 14;
            return today.plusDays(days).toString();
        }
        if (format.equals("date-time")) {
            return LocalDateTime.now().plusDays(name.startsWith("close") ? 30 : 1).truncatedTo(ChronoUnit.MINUTES)
                    + ":00Z";
        }
        if (format.equals("email") || name.equals("email")) {
            return "hostile" + n + "@test.example";
        }
        if (format.equals("uri") || name.toLowerCase(Locale.ROOT).endsWith("url")) {
            return "https://example.org/page/" + n;
        }
        return switch (name) {
            case "startTime", "time" -> "10:00";
            case "endTime" -> "11:00";
            case "timeZone" -> "Europe/London";
            case "sector" -> "acute";
            case "place" -> ids.first("SELECT name FROM places ORDER BY id LIMIT 1", null).orElse("Test Town");
            case "interests", "topics", "themes", "interests[]" -> "frailty";
            case "code" -> "hostile_" + n;
            case "source" -> "hostile_test";
            case "savings", "savingsPerYear" -> "1000";
            default -> "Valid " + name + " " + n;
        };
    }
}
