package org.convene.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.convene.errors.BadRequestException;
import org.convene.errors.NotFoundException;

/** Reading numbers and dates from paths, query strings and forms with clear errors. */
public final class Params {
    private Params() {
    }

    /** A numeric id in the path; anything else is simply not found. */
    public static long pathId(Context ctx, String name) {
        String raw = ctx.pathParam(name);
        try {
            long id = Long.parseLong(raw);
            if (id <= 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new NotFoundException("There is nothing at " + ctx.path());
        }
    }

    public static int queryInt(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.trim());
            if (v < min || v > max) {
                throw new BadRequestException("'" + name + "' must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadRequestException("'" + name + "' must be a whole number");
        }
    }

    public static Long queryLong(Context ctx, String name) {
        return parseLong(name, ctx.queryParam(name));
    }

    public static Long formLong(Context ctx, String name) {
        return parseLong(name, ctx.formParam(name));
    }

    public static LocalDate queryDate(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("'" + name + "' must be a date as YYYY-MM-DD");
        }
    }

    public static String query(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw != null && raw.length() > 500) {
            throw new BadRequestException("'" + name + "' is too long");
        }
        return raw == null ? null : raw.trim();
    }

    private static Long parseLong(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new BadRequestException("'" + name + "' must be a number");
        }
    }
}
