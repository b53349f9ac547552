package org.convene.programmes;

import org.convene.errors.Errors;
import org.convene.web.Text;

/** A new or changed programme: a title and a short description. */
public record ProgrammeInput(String title, String summary) {

    public ProgrammeInput validated() {
        Errors errors = new Errors();
        String cleanTitle = Text.singleLine(title);
        if (cleanTitle.isEmpty()) {
            errors.add("title", "Enter the programme's title");
        } else if (cleanTitle.length() > 200) {
            errors.add("title", "Title must be 200 characters or fewer");
        }
        String cleanSummary = Text.multiLine(summary);
        if (cleanSummary.length() > 4000) {
            errors.add("summary", "Summary must be 4,000 characters or fewer");
        }
        errors.throwIfAny();
        return new ProgrammeInput(cleanTitle, cleanSummary);
    }
}
