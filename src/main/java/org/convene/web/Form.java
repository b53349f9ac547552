package org.convene.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.errors.ValidationException;

/** The values a form shows and the errors beside its fields, for re-showing a form after a mistake. */
public record Form(Map<String, String> values, Map<String, List<String>> multiValues, Map<String, String> errors) {

    public static Form empty() {
        return new Form(Map.of(), Map.of(), Map.of());
    }

    public static Form of(Map<String, String> values) {
        return new Form(values, Map.of(), Map.of());
    }

    /** The submitted form, to show again with these errors. */
    public static Form submitted(Context ctx, ValidationException e) {
        Map<String, String> values = new HashMap<>();
        Map<String, List<String>> multi = new HashMap<>();
        ctx.formParamMap().forEach((k, v) -> {
            if (!k.equals("_csrf") && !k.toLowerCase().contains("password")) {
                values.put(k, v.isEmpty() ? "" : v.get(0));
                multi.put(k, v);
            }
        });
        Map<String, String> errors = new LinkedHashMap<>(e.fieldErrors());
        if (errors.isEmpty()) {
            errors.put("_form", e.getMessage());
        }
        return new Form(values, multi, errors);
    }

    /** The submitted form, to show again with a clash (e.g. a taken email) as the error on one field. */
    public static Form conflict(Context ctx, String field, org.convene.errors.ConflictException e) {
        return submitted(ctx, new ValidationException(e.getMessage(), Map.of(field, e.getMessage())));
    }

    public String value(String field) {
        String v = values.get(field);
        return v == null ? "" : v;
    }

    public boolean checked(String field, String option) {
        List<String> chosen = multiValues.get(field);
        return chosen != null ? chosen.contains(option) : option.equals(values.get(field));
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
