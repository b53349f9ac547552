package org.convene.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Input that cannot be accepted, with a message per field (field name to message). */
public class ValidationException extends RuntimeException {
    private final Map<String, String> fieldErrors;

    public ValidationException(String message) {
        this(message, Map.of());
    }

    public ValidationException(String message, Map<String, String> fieldErrors) {
        super(message);
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public static ValidationException of(Map<String, String> fieldErrors) {
        String first = fieldErrors.values().iterator().next();
        return new ValidationException(fieldErrors.size() == 1 ? first
                : first + " (and " + (fieldErrors.size() - 1) + " more)", fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
