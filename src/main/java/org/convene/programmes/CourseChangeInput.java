package org.convene.programmes;

import java.util.List;
import java.util.Set;
import org.convene.errors.Errors;
import org.convene.web.Text;

/**
 * A course change as a facilitator records it. Comments are the opaque references
 * ({@code ref}) of comments in the prompting module's feedback results.
 */
public record CourseChangeInput(String title, String planWhat, String planWhy, Long promptedByModule, String itemCode,
                                Long appliedInModule, String studyNotes, String decision, List<String> comments) {
    private static final Set<String> DECISIONS = Set.of("adopt", "adapt", "abandon");

    public record Valid(String title, String planWhat, String planWhy, Long promptedByModule, String itemCode,
                        Long appliedInModule, String studyNotes, String decision, List<String> comments) {
    }

    public Valid validated() {
        Errors errors = new Errors();
        String cleanTitle = Text.singleLine(title);
        if (cleanTitle.isEmpty()) {
            errors.add("title", "Give the change a short title");
        } else if (cleanTitle.length() > 200) {
            errors.add("title", "Title must be 200 characters or fewer");
        }
        String what = Text.multiLine(planWhat);
        if (what.isEmpty()) {
            errors.add("planWhat", "Say what will change");
        } else if (what.length() > 4000) {
            errors.add("planWhat", "Must be 4,000 characters or fewer");
        }
        String why = Text.multiLine(planWhy);
        if (why.length() > 4000) {
            errors.add("planWhy", "Must be 4,000 characters or fewer");
        }
        String notes = Text.multiLine(studyNotes);
        if (notes.length() > 4000) {
            errors.add("studyNotes", "Must be 4,000 characters or fewer");
        }
        String code = itemCode == null || itemCode.isBlank() ? null : itemCode.trim();
        if (code != null && !code.matches("^[a-z][a-z0-9_]{0,59}$")) {
            errors.add("itemCode", "Unknown survey item '" + Text.clip(code, 40) + "'");
        }
        String act = decision == null || decision.isBlank() ? null : decision.trim();
        if (act != null && !DECISIONS.contains(act)) {
            errors.add("decision", "Choose adopt, adapt or abandon");
        }
        List<String> refs = new java.util.ArrayList<>();
        for (String c : comments == null ? List.<String>of() : comments) {
            if (org.convene.surveys.CommentRefs.wellFormed(c == null ? null : c.trim())) {
                refs.add(c.trim());
            } else {
                errors.add("comments", "Unknown comment reference '" + Text.clip(c, 40) + "'");
            }
        }
        if (refs.size() > 50) {
            errors.add("comments", "Link at most 50 comments");
        }
        errors.throwIfAny();
        return new Valid(cleanTitle, what, why, promptedByModule, code, appliedInModule, notes, act, refs.stream().distinct().toList());
    }
}
