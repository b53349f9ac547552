package org.convene.impact;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.convene.errors.ValidationException;
import org.convene.relationships.Slice;

/**
 * What an impact dashboard covers: the whole system or one place, over a period of whole days in UK
 * time. Written in links as {@code scope=system} or {@code scope=place:3} with {@code from} and {@code to}.
 */
public record ImpactQuery(Long placeId, LocalDate from, LocalDate to) {
    static final ZoneId ZONE = ZoneId.of("Europe/London");
    /** The longest period a dashboard covers. */
    static final int MAX_YEARS = 10;

    public ImpactQuery {
        if (from.isAfter(to)) {
            throw new ValidationException("Check the dates", Map.of("from", "The period must start on or before its end"));
        }
        if (from.isBefore(to.minusYears(MAX_YEARS))) {
            throw new ValidationException("Check the dates", Map.of("from", "The period can be at most " + MAX_YEARS + " years long"));
        }
    }

    /**
     * Reads a scope and period as typed: the scope is {@code system} (or blank) or {@code place:ID};
     * {@code to} defaults to today and {@code from} to a year before it.
     */
    public static ImpactQuery of(String scope, LocalDate from, LocalDate to) {
        Slice slice = Slice.parse(scope);
        if (slice.kind() != Slice.Kind.SYSTEM && slice.kind() != Slice.Kind.PLACE) {
            throw new ValidationException("Unknown scope", Map.of("scope", "Choose the whole system or a place (write system or place:ID)"));
        }
        LocalDate end = to == null ? LocalDate.now(ZONE) : to;
        LocalDate start = from == null ? end.minusYears(1).plusDays(1) : from;
        return new ImpactQuery(slice.id(), start, end);
    }

    public boolean system() {
        return placeId == null;
    }

    public String scope() {
        return system() ? "system" : "place:" + placeId;
    }

    /** The first instant of the period. */
    OffsetDateTime fromInstant() {
        return from.atStartOfDay(ZONE).toOffsetDateTime();
    }

    /** The first instant after the period. */
    OffsetDateTime toInstant() {
        return to.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime();
    }

    /** The query string that names this scope and period, for links to the lists behind the figures. */
    public String queryString() {
        return "scope=" + scope() + "&from=" + from + "&to=" + to;
    }
}
