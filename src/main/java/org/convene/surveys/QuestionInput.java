package org.convene.surveys;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.convene.errors.Errors;
import org.convene.web.Text;

/**
 * A survey item from the builder. The code is optional (made from the prompt when blank); options
 * are for choice items, one per line or as a list.
 */
public record QuestionInput(String kind, String prompt, String hint, String code, List<String> options, Boolean required,
                            Boolean thenTest) {

    public SurveyTemplates.Item validated() {
        Errors errors = new Errors();
        QuestionKind k = kind == null ? null : QuestionKind.fromCode(kind.trim()).orElse(null);
        if (k == null) {
            errors.add("kind", "Choose the kind of question");
        }
        String cleanPrompt = Text.singleLine(prompt);
        if (cleanPrompt.isEmpty()) {
            errors.add("prompt", "Enter the question");
        } else if (cleanPrompt.length() > 500) {
            errors.add("prompt", "The question must be 500 characters or fewer");
        }
        String cleanHint = Text.singleLine(hint);
        if (cleanHint.length() > 1000) {
            errors.add("hint", "The hint must be 1,000 characters or fewer");
        }
        String cleanCode = code == null || code.isBlank() ? codeFrom(cleanPrompt) : code.trim().toLowerCase(Locale.ROOT);
        if (!cleanCode.matches("^[a-z][a-z0-9_]{0,59}$")) {
            errors.add("code", "The item code must start with a letter and use only a-z, 0-9 and _ (up to 60)");
        }
        List<String> cleanOptions = new ArrayList<>();
        if (options != null) {
            for (String o : options) {
                for (String line : (o == null ? "" : o).split("\\R")) {
                    String t = Text.singleLine(line);
                    if (!t.isEmpty()) {
                        cleanOptions.add(t);
                    }
                }
            }
        }
        cleanOptions = new ArrayList<>(new LinkedHashSet<>(cleanOptions));
        if (k != null && k.hasOptions()) {
            if (cleanOptions.size() < 2) {
                errors.add("options", "Give at least two options, one per line");
            } else if (cleanOptions.size() > 30) {
                errors.add("options", "Give at most 30 options");
            } else if (cleanOptions.stream().anyMatch(o -> o.length() > 200)) {
                errors.add("options", "Each option must be 200 characters or fewer");
            }
        } else {
            cleanOptions = List.of();
        }
        boolean then = Boolean.TRUE.equals(thenTest);
        if (then && k != QuestionKind.LIKERT) {
            errors.add("thenTest", "Only agree-or-disagree items can also ask about before the programme");
        }
        errors.throwIfAny();
        return new SurveyTemplates.Item(cleanCode, k, cleanPrompt, cleanHint, List.copyOf(cleanOptions), Boolean.TRUE.equals(required), then);
    }

    static String codeFrom(String prompt) {
        String words = prompt.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (words.isEmpty() || !Character.isLetter(words.charAt(0))) {
            words = "q_" + words;
        }
        return words.length() > 40 ? words.substring(0, 40).replaceAll("_+$", "") : words;
    }
}
