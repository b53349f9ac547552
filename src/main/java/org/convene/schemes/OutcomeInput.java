package org.convene.schemes;

import org.convene.errors.Errors;
import org.convene.web.Text;

/** A member's answer after a match: whether they met, and optionally a rating (1-5) and a comment. */
public record OutcomeInput(Boolean met, Integer rating, String comment) {

    public OutcomeInput validated() {
        Errors errors = new Errors();
        if (met == null) {
            errors.add("met", "Say whether you met");
        }
        if (rating != null && (rating < 1 || rating > 5)) {
            errors.add("rating", "Rating must be from 1 to 5");
        }
        if (rating != null && Boolean.FALSE.equals(met)) {
            errors.add("rating", "Rate the meeting only if you met");
        }
        String clean = Text.multiLine(comment);
        if (clean.length() > 2000) {
            errors.add("comment", "Comment must be 2,000 characters or fewer");
        }
        errors.throwIfAny();
        return new OutcomeInput(met, rating, clean);
    }
}
