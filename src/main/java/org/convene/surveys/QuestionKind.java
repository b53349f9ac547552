package org.convene.surveys;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The kinds of survey item. */
public enum QuestionKind {
    LIKERT("likert", "Agree or disagree (1 to 5)"),
    RATING("rating", "Rating from 0 to 10"),
    SINGLE("single", "Choose one option"),
    MULTIPLE("multiple", "Choose any options"),
    TEXT("text", "Free text"),
    CONNECTIONS("connections", "People you made a new working connection with");

    /** The five points of a Likert item, from 1 to 5. */
    public static final java.util.List<String> LIKERT_LABELS = java.util.List.of(
            "Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree");

    private final String code;
    private final String label;

    QuestionKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The code used in the database and in the API's JSON. */
    @JsonValue
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean numeric() {
        return this == LIKERT || this == RATING;
    }

    public boolean hasOptions() {
        return this == SINGLE || this == MULTIPLE;
    }

    /** The lowest and highest value a numeric item takes. */
    public int min() {
        return this == RATING ? 0 : 1;
    }

    public int max() {
        return this == RATING ? 10 : 5;
    }

    public static Optional<QuestionKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
