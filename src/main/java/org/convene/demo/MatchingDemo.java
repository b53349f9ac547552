package org.convene.demo;

import java.util.List;
import java.util.SplittableRandom;
import org.convene.matching.Matcher;
import org.convene.schemes.MatchGroup;
import org.convene.schemes.MeetingMode;
import org.convene.schemes.OutcomeInput;
import org.convene.schemes.RoundSummary;
import org.convene.schemes.Rounds;
import org.convene.schemes.Scheme;
import org.convene.schemes.SchemeInput;
import org.convene.schemes.Schemes;
import org.convene.directory.Reference;
import org.jdbi.v3.core.Jdbi;

/**
 * The demo region's "Brew and Biscuits" scheme, run through the real services: listed people from
 * every sector opt in, three rounds run by hand, and most pairs say whether they met, with ratings
 * and comments. The introductions those rounds would have emailed are not left in the outbox.
 */
public final class MatchingDemo {
    public static final String SCHEME = "Brew and Biscuits";
    private static final String[] COMMENTS = {
        "Really useful to see how discharge looks from the housing side.",
        "We are now planning a joint home visit.",
        "Good conversation, though it took three weeks to find a time.",
        "Met online for half an hour; will follow up after the winter pressures.",
        "Learnt a lot about what the voluntary sector can offer our patients.",
        "Hard to see a link with my work yet, but a kind person.",
        "We found we had been ringing each other's teams for years without knowing it.",
    };

    private MatchingDemo() {
    }

    /** What was made, for printing and tests. */
    public record Loaded(long schemeId, int members, int rounds, int groups) {
    }

    public static Loaded forRegion(Jdbi jdbi, long seed, long participantPersonId, int size) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5eedL);
        long outboxBefore = jdbi.withHandle(h -> h.createQuery("SELECT coalesce(max(id), 0) FROM outbox").mapTo(Long.class).one());
        Schemes schemes = new Schemes(jdbi);
        Rounds rounds = new Rounds(jdbi, new Matcher(), "http://localhost");
        Scheme scheme = schemes.create(new SchemeInput(SCHEME,
                "Cross-sector matching: once a month you are paired with someone from another part of the health and care "
                        + "system (a hospital, a GP practice, social care, housing, a charity) for a brew and a visit.",
                "monthly", "either", "", "", java.time.LocalDate.now().plusWeeks(2).toString(), "open")
                .validated(new Reference(jdbi).places()), null);
        List<Long> members = jdbi.withHandle(h -> h.createQuery("SELECT id FROM people WHERE listed AND id <> :p "
                        + "ORDER BY hashtext(id::text || :seed), id LIMIT :n")
                .bind("p", participantPersonId).bind("seed", String.valueOf(seed)).bind("n", size - 1).mapTo(Long.class).list());
        MeetingMode[] modes = MeetingMode.values();
        schemes.join(scheme.id(), participantPersonId, MeetingMode.EITHER, null);
        for (long person : members) {
            schemes.join(scheme.id(), person, modes[random.nextInt(modes.length)], null);
        }
        int groups = 0;
        for (int round = 1; round <= 3; round++) {
            RoundSummary ran = rounds.runNow(scheme.id());
            double answerRate = round == 3 ? 0.4 : 0.8;
            for (MatchGroup g : rounds.groups(ran.id())) {
                groups++;
                boolean met = random.nextDouble() < 0.7;
                for (MatchGroup.Person m : g.members()) {
                    if (random.nextDouble() >= answerRate) {
                        continue;
                    }
                    Integer rating = met ? 3 + random.nextInt(3) - (random.nextDouble() < 0.1 ? 2 : 0) : null;
                    String comment = random.nextDouble() < 0.3 ? COMMENTS[random.nextInt(COMMENTS.length)] : "";
                    rounds.answer(g.id(), m.personId(), new OutcomeInput(met, rating, comment).validated(), null);
                }
            }
        }
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM outbox WHERE id > :before AND sent_at IS NULL").bind("before", outboxBefore).execute());
        return new Loaded(scheme.id(), members.size() + 1, 3, groups);
    }
}
