package org.convene.errors;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects field errors while validating input, then throws them together. */
public final class Errors {
    private final Map<String, String> fields = new LinkedHashMap<>();

    public Errors add(String field, String message) {
        fields.putIfAbsent(field, message);
        return this;
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    public void throwIfAny() {
        if (!fields.isEmpty()) {
            throw ValidationException.of(fields);
        }
    }
}
