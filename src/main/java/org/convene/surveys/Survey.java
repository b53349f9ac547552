package org.convene.surveys;

import java.time.Instant;

/** A survey of one cohort, with how many were invited and how many have answered. */
public record Survey(long id, long cohortId, Long moduleId, Integer modulePosition, String moduleTitle, SurveyKind kind,
                     String title, String intro, boolean anonymous, String status, Instant opensAt, Instant closesAt,
                     int remindAfterDays, int maxReminders, int invited, int submitted) {

    public boolean isOpen() {
        return "open".equals(status) && (closesAt == null || closesAt.isAfter(Instant.now()));
    }

    /** Items can change only before anyone has started answering. */
    public boolean editable() {
        return "draft".equals(status) || "scheduled".equals(status);
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
