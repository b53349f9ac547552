package org.convene.inquiries;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.convene.actions.AgreedAction;
import org.convene.errors.Errors;
import org.convene.web.Text;

/**
 * An Appreciative Inquiry session as typed: a title, the affirmative topic (what the group wants
 * more of, framed positively), the date (empty while it is being planned), and each phase's prompts
 * and what the group produced. A phase left out (null) keeps what was saved before, and in a new
 * plan starts from the default prompts.
 */
public record InquiryInput(String title, String topic, String heldOn, Phase discover, Phase dream, Phase design,
                           Phase deliver, List<AgreedAction> actions) {
    static final int MAX_TEXT = 4000;

    public record Valid(String title, String topic, LocalDate heldOn, Map<Phase.Name, Phase> phases,
                        List<AgreedAction.Valid> actions) {
    }

    Phase phase(Phase.Name name) {
        return switch (name) {
            case DISCOVER -> discover;
            case DREAM -> dream;
            case DESIGN -> design;
            case DELIVER -> deliver;
        };
    }

    /**
     * @param members who may own an action (the set's members)
     * @param saved the session as saved before, or null for a new plan
     */
    public Valid validated(List<Long> members, Inquiry saved) {
        Errors errors = new Errors();
        String t = Text.singleLine(title);
        if (t.isEmpty()) {
            errors.add("title", "Enter a title for the session");
        } else if (t.length() > 200) {
            errors.add("title", "The title must be 200 characters or fewer");
        }
        String subject = Text.multiLine(topic);
        if (subject.isEmpty()) {
            errors.add("topic", "Enter the affirmative topic: what the group wants more of, said positively");
        } else if (subject.length() > 1000) {
            errors.add("topic", "The topic must be 1,000 characters or fewer");
        }
        LocalDate held = errors.date(heldOn, "heldOn", null, "Enter the date as year-month-day, for example 2027-03-01");
        Map<Phase.Name, Phase> phases = new EnumMap<>(Phase.Name.class);
        for (Phase.Name name : Phase.Name.values()) {
            Phase before = saved == null ? new Phase(name.defaultPrompts(), "") : saved.phase(name);
            Phase given = phase(name);
            String prompts = given == null || given.prompts() == null ? before.prompts() : Text.multiLine(given.prompts());
            String produced = given == null || given.produced() == null ? before.produced() : Text.multiLine(given.produced());
            limit(prompts, name.code() + "Prompts", name.label() + " prompts", errors);
            limit(produced, name.code() + "Produced", "What the group produced in " + name.label(), errors);
            phases.put(name, new Phase(prompts, produced));
        }
        List<AgreedAction.Valid> agreed = AgreedAction.validate(actions, members, "Choose a member of the set to do", errors);
        errors.throwIfAny();
        return new Valid(t, subject, held, phases, agreed);
    }

    private static void limit(String text, String field, String label, Errors errors) {
        if (text.length() > MAX_TEXT) {
            errors.add(field, label + " must be 4,000 characters or fewer");
        }
    }
}
