package org.convene.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.util.stream.Collectors;
import org.convene.errors.BadRequestException;

/** The JSON settings of the API, and reading request bodies with messages a client can act on. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {
    }

    public static <T> T read(Context ctx, Class<T> type) {
        return read(ctx.body(), type);
    }

    /** A request body as this type, or a {@link BadRequestException} saying what is wrong with it. */
    static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new BadRequestException("Send a JSON object in the request body");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new BadRequestException("Send a JSON object in the request body, not null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new BadRequestException("Unknown field '" + e.getPropertyName() + "'; known fields: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        } catch (InvalidFormatException e) {
            throw new BadRequestException("Field '" + path(e) + "' must be " + describe(e.getTargetType()));
        } catch (MismatchedInputException e) {
            String field = path(e);
            throw new BadRequestException(field.isEmpty() ? "The request body must be a JSON object"
                    : "Field '" + field + "' must be " + describe(e.getTargetType()));
        } catch (StreamConstraintsException e) {
            // Jackson's limits: nesting deeper than 1,000 levels, a number of more than 1,000 digits,
            // a string given for a number that is longer than that. Such errors carry no location.
            throw new BadRequestException("The request body nests too deeply or holds a value too long to read");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new BadRequestException("The request body is not valid JSON" + (at == null ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of a different type";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a " + type.getSimpleName();
    }
}
