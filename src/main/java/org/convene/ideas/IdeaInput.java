package org.convene.ideas;

import org.convene.errors.Errors;
import org.convene.web.Text;

/** An idea as typed: a title, what it is, and whether the vote is a secret ballot (only counts shown). */
public record IdeaInput(String title, String description, Boolean secretBallot) {
    public record Valid(String title, String description, boolean secretBallot) {
    }

    public Valid validated() {
        Errors errors = new Errors();
        String t = Text.singleLine(title);
        if (t.isEmpty()) {
            errors.add("title", "Give the idea a title");
        } else if (t.length() > 200) {
            errors.add("title", "The title must be 200 characters or fewer");
        }
        String d = Text.multiLine(description);
        if (d.length() > 4000) {
            errors.add("description", "The description must be 4,000 characters or fewer");
        }
        errors.throwIfAny();
        return new Valid(t, d, secretBallot != null && secretBallot);
    }
}
