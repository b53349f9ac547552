package org.convene.projects;

import java.time.LocalDate;
import java.util.Locale;
import org.convene.errors.Errors;
import org.convene.web.Coded;
import org.convene.web.Text;

/**
 * A PDSA cycle as the team records it: Plan (what will change, and the prediction of what will
 * happen), Do (what happened), Study (the result against the prediction) and Act (adopt, adapt or
 * abandon), with the dates it ran.
 */
public record CycleInput(String title, String plan, String prediction, String doNotes, String study, String act,
                         String startsOn, String endsOn) {

    public record Valid(String title, String plan, String prediction, String doNotes, String study, Decision act,
                        LocalDate startsOn, LocalDate endsOn) {
    }

    public Valid validated() {
        Errors errors = new Errors();
        String cleanTitle = Text.singleLine(title);
        if (cleanTitle.isEmpty()) {
            errors.add("title", "Give the cycle a short title, for example Ward 3 safety huddle");
        } else if (cleanTitle.length() > 200) {
            errors.add("title", "Title must be 200 characters or fewer");
        }
        String cleanPlan = required(errors, "plan", plan, 4000, "Plan: say what change you will test, who, where and when");
        String cleanPrediction = required(errors, "prediction", prediction, 2000, "Plan: say what you predict will happen");
        String cleanDo = optional(errors, "doNotes", doNotes, 4000);
        String cleanStudy = optional(errors, "study", study, 4000);
        String actCode = Text.singleLine(act).toLowerCase(Locale.ROOT);
        Decision decision = actCode.isEmpty() ? null : Coded.fromCode(Decision.class, actCode).orElse(null);
        if (!actCode.isEmpty() && decision == null) {
            errors.add("act", "Act: choose " + Coded.codes(Decision.class) + ", or leave it until you have studied the results");
        } else if (decision != null && cleanStudy.isEmpty()) {
            errors.add("study", "Study the results against the prediction before deciding what to do");
        }
        LocalDate starts = ProjectInput.date(errors, "startsOn", startsOn);
        LocalDate ends = ProjectInput.date(errors, "endsOn", endsOn);
        if (starts != null && ends != null && ends.isBefore(starts)) {
            errors.add("endsOn", "The end date must be on or after the start date");
        }
        errors.throwIfAny();
        return new Valid(cleanTitle, cleanPlan, cleanPrediction, cleanDo, cleanStudy, decision, starts, ends);
    }

    private static String required(Errors errors, String field, String raw, int max, String missing) {
        String clean = Text.multiLine(raw);
        if (clean.isEmpty()) {
            errors.add(field, missing);
        }
        return optional(errors, field, clean, max);
    }

    private static String optional(Errors errors, String field, String raw, int max) {
        String clean = Text.multiLine(raw);
        if (clean.length() > max) {
            errors.add(field, "Must be " + String.format("%,d", max) + " characters or fewer");
        }
        return clean;
    }
}
