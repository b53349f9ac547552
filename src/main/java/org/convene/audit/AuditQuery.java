package org.convene.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.convene.errors.ValidationException;

/** A search of the audit log: by action, by who acted (part of their address), by subject, between two days, a page at a time. */
public record AuditQuery(AuditAction action, String actor, String subject, LocalDate from, LocalDate to, int page, int size) {

    public AuditQuery {
        actor = actor == null || actor.isBlank() ? null : actor.trim();
        subject = subject == null || subject.isBlank() ? null : subject.trim();
        if (from != null && to != null && from.isAfter(to)) {
            throw ValidationException.of(java.util.Map.of("from", "The first day must not be after the last day"));
        }
    }

    /** The filters as a WHERE clause on {@code audit_log l} (empty without filters). */
    String conditions() {
        List<String> where = new ArrayList<>();
        if (action != null) {
            where.add("l.action = :action");
        }
        if (actor != null) {
            where.add("strpos(lower(l.actor), lower(:actor)) > 0");
        }
        if (subject != null) {
            where.add("l.subject = :subject");
        }
        if (from != null) {
            where.add("l.at >= CAST(:from AS date)");
        }
        if (to != null) {
            where.add("l.at < CAST(:to AS date) + 1");
        }
        return where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where) + " ";
    }

    /** The query string that reproduces the filters (without the page), for links. */
    public String queryString() {
        StringBuilder s = new StringBuilder();
        if (action != null) {
            s.append("&action=").append(action.code());
        }
        if (actor != null) {
            s.append("&actor=").append(org.convene.web.Html.url(actor));
        }
        if (subject != null) {
            s.append("&subject=").append(org.convene.web.Html.url(subject));
        }
        if (from != null) {
            s.append("&from=").append(from);
        }
        if (to != null) {
            s.append("&to=").append(to);
        }
        return s.toString();
    }
}
