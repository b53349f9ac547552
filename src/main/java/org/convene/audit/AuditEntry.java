package org.convene.audit;

import java.time.Instant;

/** One line of the audit log. {@code subject} names what was acted on, e.g. {@code person:42}. */
public record AuditEntry(long id, Instant at, Long actorId, String actor, String ip, AuditAction action, String subject,
                         String summary) {

    /** The page that shows the subject, when there is one. */
    public String subjectLink() {
        if (subject == null) {
            return null;
        }
        String[] parts = subject.split(":", 2);
        if (parts.length < 2 || !parts[1].matches("\\d+")) {
            return null;
        }
        return switch (parts[0]) {
            case "person" -> "/people/" + parts[1];
            case "cohort" -> "/cohorts/" + parts[1];
            case "event" -> "/events/" + parts[1];
            default -> null;
        };
    }
}
