package org.convene.surveys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The ready-made surveys: feedback after a module, the baseline at the start of a programme and
 * the end-of-programme survey (post and then-test). Item codes are fixed, so module feedback can
 * be followed from module to module and confidence paired between the baseline and the end.
 */
public final class SurveyTemplates {
    /** How long a module's feedback survey stays open after the module ends. */
    public static final Duration FEEDBACK_WINDOW = Duration.ofDays(14);

    /** An item as a template describes it. */
    public record Item(String code, QuestionKind kind, String prompt, String hint, List<String> options, boolean required,
                       boolean thenTest) {
        static Item likert(String code, String prompt) {
            return new Item(code, QuestionKind.LIKERT, prompt, "", List.of(), true, false);
        }

        Item withThenTest() {
            return new Item(code, kind, prompt, hint, options, required, true);
        }
    }

    /** The confidence items asked at the baseline and at the end. */
    public static final List<Item> CONFIDENCE = List.of(
            Item.likert("conf_collaborating", "I am confident working collaboratively across organisations"),
            Item.likert("conf_speaking_up", "I am confident speaking up, including when I see things differently"),
            Item.likert("conf_influencing", "I am confident influencing change across the health and care system"),
            Item.likert("conf_uncertainty", "I am confident leading when the way ahead is uncertain"),
            Item.likert("conf_system", "I know how the wider system works beyond my own organisation"),
            Item.likert("conf_support", "I have a network of peers I can call on for support"));

    public static final List<Item> MODULE_FEEDBACK = List.of(
            Item.likert("usefulness", "This module was useful for my work"),
            Item.likert("interactivity", "There was enough time for discussion and working in groups"),
            new Item("pace", QuestionKind.SINGLE, "The pace of the module was", "", List.of("Too slow", "About right", "Too fast"), true, false),
            new Item("recommend", QuestionKind.RATING, "How likely are you to recommend this module to a colleague?",
                    "0 is not at all likely, 10 is extremely likely", List.of(), true, false),
            new Item("went_well", QuestionKind.TEXT, "What went well?", "", List.of(), false, false),
            new Item("even_better_if", QuestionKind.TEXT, "Even better if…", "What would have made it better for you?", List.of(), false, false),
            new Item("new_connections", QuestionKind.CONNECTIONS, "Who did you make a new working connection with at this module?",
                    "Choose people from your cohort or the directory. They are added to the network of who knows whom.", List.of(), false, false));

    /** An event's follow-up: a 1-5 rating of the event, whether they would come again, what worked and what to change. */
    public static final List<Item> EVENT_FOLLOWUP = List.of(
            Item.likert("worth_it", "Overall, the event was worth my time"),
            new Item("come_again", QuestionKind.LIKERT, "I would come to another event like this", "", List.of(), false, false),
            new Item("went_well", QuestionKind.TEXT, "What worked well?", "", List.of(), false, false),
            new Item("even_better_if", QuestionKind.TEXT, "What would you change next time?", "", List.of(), false, false));

    /** How long an event's follow-up stays open after the event ends. */
    public static final Duration EVENT_FOLLOWUP_WINDOW = Duration.ofDays(14);

    private SurveyTemplates() {
    }

    public static List<Item> items(SurveyKind kind) {
        return switch (kind) {
            case MODULE_FEEDBACK -> MODULE_FEEDBACK;
            case BASELINE -> {
                List<Item> items = new ArrayList<>(CONFIDENCE);
                items.add(new Item("hopes", QuestionKind.TEXT, "What do you hope to get from the programme?", "", List.of(), false, false));
                yield items;
            }
            case END -> {
                List<Item> items = new ArrayList<>(CONFIDENCE.stream().map(Item::withThenTest).toList());
                items.add(new Item("recommend", QuestionKind.RATING, "How likely are you to recommend the programme to a colleague?",
                        "0 is not at all likely, 10 is extremely likely", List.of(), true, false));
                items.add(new Item("difference", QuestionKind.TEXT, "What difference has the programme made to your work?", "", List.of(), false, false));
                items.add(new Item("even_better_if", QuestionKind.TEXT, "What would have made the programme even better?", "", List.of(), false, false));
                items.add(new Item("new_connections", QuestionKind.CONNECTIONS, "Who have you made a new working connection with on the programme?",
                        "Choose people from your cohort or the directory.", List.of(), false, false));
                yield items;
            }
            case EVENT_FOLLOWUP -> EVENT_FOLLOWUP;
            case CUSTOM -> List.of();
        };
    }

    /** A ready-made title; for module feedback the module's number and title, for an event's follow-up the event's title as {@code moduleTitle}. */
    public static String title(SurveyKind kind, Integer modulePosition, String moduleTitle) {
        return switch (kind) {
            case MODULE_FEEDBACK -> "Feedback on module " + modulePosition + ": " + moduleTitle;
            case BASELINE -> "Before the programme: where you are starting from";
            case END -> "End of the programme: looking back";
            case EVENT_FOLLOWUP -> "How was " + moduleTitle + "?";
            case CUSTOM -> "Survey";
        };
    }

    /** Inserts a survey with its template's items; returns its id. */
    public static long create(Handle h, long cohortId, Long moduleId, SurveyKind kind, String title, boolean anonymous,
                              String status, Instant opensAt, Instant closesAt) {
        long id = h.createUpdate("INSERT INTO surveys (cohort_id, module_id, kind, title, anonymous, status, opens_at, closes_at) "
                        + "VALUES (:cohort, :module, :kind, :title, :anonymous, :status, :opens, :closes)")
                .bind("cohort", cohortId).bind("module", moduleId).bind("kind", kind.code()).bind("title", title)
                .bind("anonymous", anonymous).bind("status", status).bind("opens", opensAt).bind("closes", closesAt)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        int position = 1;
        for (Item item : items(kind)) {
            Surveys.insertQuestion(h, id, position++, item);
        }
        return id;
    }

    /**
     * Makes sure a module has its feedback survey, scheduled to open when the module ends. A
     * survey that has already opened keeps its times.
     */
    public static void scheduleModuleFeedback(Handle h, long cohortId, long moduleId, int position, String moduleTitle,
                                              Instant endsAt, boolean anonymous) {
        String title = title(SurveyKind.MODULE_FEEDBACK, position, moduleTitle);
        int updated = h.createUpdate("UPDATE surveys SET title = :title, opens_at = :opens, closes_at = :closes, "
                        + "status = CASE WHEN status = 'draft' THEN 'scheduled' ELSE status END "
                        + "WHERE module_id = :module AND kind = 'module_feedback' AND status IN ('draft', 'scheduled')")
                .bind("title", title).bind("opens", endsAt).bind("closes", endsAt.plus(FEEDBACK_WINDOW)).bind("module", moduleId)
                .execute();
        boolean exists = h.createQuery("SELECT EXISTS (SELECT 1 FROM surveys WHERE module_id = :module AND kind = 'module_feedback')")
                .bind("module", moduleId).mapTo(Boolean.class).one();
        if (updated == 0 && !exists) {
            create(h, cohortId, moduleId, SurveyKind.MODULE_FEEDBACK, title, anonymous, "scheduled", endsAt, endsAt.plus(FEEDBACK_WINDOW));
        }
    }

    /** Removes a module's feedback survey if it has not opened yet (the module no longer asks for feedback). */
    public static void dropUnopenedModuleFeedback(Handle h, long moduleId) {
        h.createUpdate("DELETE FROM surveys WHERE module_id = :module AND kind = 'module_feedback' AND status IN ('draft', 'scheduled')")
                .bind("module", moduleId).execute();
    }
}
