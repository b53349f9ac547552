package org.convene.communities;

import org.convene.errors.Errors;
import org.convene.web.Text;

/** A new discussion (title and first post) or a reply (body only; title null). The body is Markdown. */
public record PostInput(String title, String body) {
    public record Valid(String title, String body) {
    }

    public Valid validated(boolean newThread) {
        Errors errors = new Errors();
        String t = Text.singleLine(title);
        if (newThread && t.isEmpty()) {
            errors.add("title", "Give the discussion a title");
        } else if (t.length() > 200) {
            errors.add("title", "The title must be 200 characters or fewer");
        }
        String b = body == null ? "" : body.replace("\r\n", "\n").strip();
        if (b.isEmpty()) {
            errors.add("body", newThread ? "Write the first post" : "Write your reply");
        } else if (b.length() > 20_000) {
            errors.add("body", "A post must be 20,000 characters or fewer");
        }
        errors.throwIfAny();
        return new Valid(t, b);
    }
}
