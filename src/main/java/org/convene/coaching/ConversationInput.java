package org.convene.coaching;

import java.time.LocalDate;
import java.util.List;
import org.convene.actions.AgreedAction;
import org.convene.errors.Errors;
import org.convene.web.Text;

/**
 * A GROW conversation as recorded by the coach: who was coached, when, the Goal, the Reality, the
 * Options, the Will (what they will do), the actions agreed (owned by the coach or the coachee)
 * and when to review them. Dates are year-month-day.
 */
public record ConversationInput(Long coachee, String heldOn, String goal, String reality, String options, String will,
                                String reviewOn, List<AgreedAction> actions) {

    private static final String DATE = "Enter a date as year-month-day, for example 2027-03-01";

    public record Valid(long coachee, LocalDate heldOn, String goal, String reality, String options, String will,
                        LocalDate reviewOn, List<AgreedAction.Valid> actions) {
    }

    /** @param coach the coach's person id (the coachee cannot be them) */
    public Valid validated(long coach) {
        Errors errors = new Errors();
        if (coachee == null) {
            errors.add("coachee", "Choose who you coached");
        } else if (coachee == coach) {
            errors.add("coachee", "You cannot record a conversation with yourself");
        }
        LocalDate held = errors.date(heldOn, "heldOn", "Enter the date of the conversation", DATE);
        LocalDate review = errors.date(reviewOn, "reviewOn", null, DATE);
        if (held != null && review != null && review.isBefore(held)) {
            errors.add("reviewOn", "The review date must be on or after the conversation");
        }
        String g = text(goal, "goal", "The goal", errors);
        String r = text(reality, "reality", "The reality", errors);
        String o = text(options, "options", "The options", errors);
        String w = text(will, "will", "The will", errors);
        if (g.isEmpty() && !errors.has("goal")) {
            errors.add("goal", "Write down the goal of the conversation");
        }
        List<Long> owners = coachee == null ? List.of(coach) : List.of(coach, coachee);
        List<AgreedAction.Valid> agreed = AgreedAction.validate(actions, owners, "Choose the coach or the coachee to do", errors);
        errors.throwIfAny();
        return new Valid(coachee, held, g, r, o, w, review, agreed);
    }

    private static String text(String value, String field, String label, Errors errors) {
        String clean = Text.multiLine(value);
        if (clean.length() > 4000) {
            errors.add(field, label + " must be 4,000 characters or fewer");
        }
        return clean;
    }
}
