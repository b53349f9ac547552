package org.convene.demo;

import java.util.List;

/** The demo programme's comment lists and modules, for fixtures in other packages (test code only). */
public final class DemoFeedback {
    public static final List<String> WENT_WELL = FeedbackVocabulary.WENT_WELL;
    public static final List<String> EVEN_BETTER_IF = FeedbackVocabulary.EVEN_BETTER_IF;
    public static final List<String> DIFFERENCE = FeedbackVocabulary.DIFFERENCE;

    private DemoFeedback() {
    }

    /** Module {@code position} (1 to 6): its title and topic. */
    public static String[] module(int position) {
        return ProgrammeDemo.MODULES[position - 1].clone();
    }

    public static int modules() {
        return ProgrammeDemo.MODULES.length;
    }
}
