package org.convene.surveys;

import java.time.Instant;

/**
 * A survey of one cohort, or the follow-up of one event (cohortId null, eventId and eventTitle
 * set), with how many were invited and how many have answered.
 */
public record Survey(long id, Long cohortId, Long eventId, String eventTitle, Long moduleId, Integer modulePosition, String moduleTitle, SurveyKind kind,
                     String title, String intro, boolean anonymous, String status, Instant opensAt, Instant closesAt,
                     int remindAfterDays, int maxReminders, int invited, int submitted) {

    public boolean isOpen() {
        return "open".equals(status) && (closesAt == null || closesAt.isAfter(Instant.now()));
    }

    /** Items can change only before anyone has started answering. */
    public boolean editable() {
        return "draft".equals(status) || "scheduled".equals(status);
    }

    /** Whether this is an event's follow-up (run by the event's hosts) rather than a cohort's survey (run by the programme team). */
    public boolean forEvent() {
        return eventId != null;
    }

    /** Who sees the answers, as the people answering are told: "the programme team" or "the event's hosts". */
    public String audience() {
        return forEvent() ? "the event's hosts" : "the programme team";
    }

    public double responseRate() {
        return invited == 0 ? 0 : (double) submitted / invited;
    }

    public String statusLabel() {
        return switch (status) {
            case "draft" -> "Draft";
            case "scheduled" -> "Scheduled";
            case "open" -> isOpen() ? "Open" : "Closing";
            default -> "Closed";
        };
    }
}
