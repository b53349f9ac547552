package org.convene.projects;

import org.convene.errors.Errors;
import org.convene.web.Text;

/** A team member confirming the progress score: the suggested one or their own judgement, with an optional note. */
public record ScoreInput(Double score, String note) {

    public record Valid(double score, String note) {
    }

    public Valid validated() {
        Errors errors = new Errors();
        if (score == null || !ProgressScore.isLevel(score)) {
            errors.add("score", "Choose a score from 0.5 to 5.0 in steps of 0.5");
        }
        String cleanNote = Text.multiLine(note);
        if (cleanNote.length() > 1000) {
            errors.add("note", "Note must be 1,000 characters or fewer");
        }
        errors.throwIfAny();
        return new Valid(score, cleanNote);
    }
}
