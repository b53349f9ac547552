package org.convene.actions;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.convene.errors.Errors;
import org.convene.web.Text;

/**
 * Actions agreed in a meeting or conversation, as typed: rows with no description are ignored
 * (the empty rows of a form). Errors are reported on field {@code action-i}, as the forms name
 * the row's description.
 */
public record AgreedAction(Long person, String description, String dueOn) {
    public static final int MAX = 20;

    /** A checked action: its owner, what they will do, and by when (or null). */
    public record Valid(long person, String description, LocalDate dueOn) {
    }

    /**
     * @param owners who may own an action here
     * @param whoMessage the error when the owner is missing or not one of them, given the action's start
     */
    public static List<Valid> validate(List<AgreedAction> rows, List<Long> owners, String whoMessage, Errors errors) {
        List<Valid> agreed = new ArrayList<>();
        List<AgreedAction> all = rows == null ? List.of() : rows;
        for (int i = 0; i < all.size(); i++) {
            AgreedAction a = all.get(i);
            String text = Text.singleLine(a.description());
            if (text.isEmpty()) {
                continue;
            }
            String field = "action-" + i;
            if (text.length() > 1000) {
                errors.add(field, "An action can be at most 1,000 characters");
            }
            if (a.person() == null || !owners.contains(a.person())) {
                errors.add(field, whoMessage + " \"" + Text.clip(text, 40) + "\"");
            }
            LocalDate due = errors.date(a.dueOn(), field, null, "Enter the due date as year-month-day, for example 2027-03-15");
            agreed.add(new Valid(a.person() == null ? 0 : a.person(), text, due));
        }
        if (agreed.size() > MAX) {
            errors.add("actions", "Record at most " + MAX + " actions at a time");
        }
        return List.copyOf(agreed);
    }

    /** The rows of a form: fields action-i, actionPerson-i and actionDue-i. */
    public static List<AgreedAction> fromForm(Context ctx) {
        return fromForm(ctx, java.util.Map.of());
    }

    /** As {@link #fromForm(Context)}, where an owner may also be named by one of the aliases (e.g. "coachee"). */
    public static List<AgreedAction> fromForm(Context ctx, java.util.Map<String, Long> aliases) {
        List<AgreedAction> rows = new ArrayList<>();
        for (int i = 0; i <= MAX; i++) {
            String text = ctx.formParam("action-" + i);
            if (text == null) {
                continue;
            }
            String who = ctx.formParam("actionPerson-" + i);
            Long person = null;
            if (who != null && aliases.containsKey(who.trim())) {
                person = aliases.get(who.trim());
            } else if (who != null && !who.isBlank()) {
                try {
                    person = Long.parseLong(who.trim());
                } catch (NumberFormatException e) {
                    person = -1L;
                }
            }
            rows.add(new AgreedAction(person, text, ctx.formParam("actionDue-" + i)));
        }
        return rows;
    }
}
