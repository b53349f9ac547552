package org.convene.surveys;

import java.util.List;

/** One survey item. The code stays the same across surveys, so an item can be followed and paired. */
public record Question(long id, long surveyId, int position, String code, QuestionKind kind, String prompt, String hint,
                       List<String> options, boolean required, boolean thenTest) {

    /** The answer labels of a choice or Likert item, in order. */
    public List<String> choices() {
        return kind == QuestionKind.LIKERT ? QuestionKind.LIKERT_LABELS : options;
    }
}
