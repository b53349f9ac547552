package org.convene.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.convene.inquiries.Inquiries;
import org.convene.inquiries.InquiryInput;
import org.convene.inquiries.Phase;
import org.convene.programmes.CohortInput;
import org.convene.programmes.Enrolments;
import org.convene.programmes.Programmes;
import org.convene.sets.SetFormation;
import org.convene.sets.SetMeetingInput;
import org.convene.sets.SetMember;
import org.convene.sets.Sets;
import org.convene.sets.SetMeetings;
import org.jdbi.v3.core.Jdbi;

/**
 * The demo cohort's action learning sets, through the real services: years of experience and band
 * for everyone (seeded, more years with a higher band), sets of five formed by the group engine
 * and published (so their members become ties), and a first meeting of the demo participant's
 * set, with an action on their home page, and an Appreciative Inquiry session that set held.
 */
final class SetsDemo {
    private SetsDemo() {
    }

    record Loaded(int sets, long participantSet) {
    }

    static Loaded forCohort(Jdbi jdbi, long seed, long cohortId, long participantPersonId) {
        Sets sets = new Sets(jdbi);
        saveExperience(sets, new SplittableRandom(seed * 31 + 5), cohortId);
        new SetFormation(sets).form(cohortId, 5, seed, true, null);
        sets.publish(cohortId, null);
        long setId = sets.publishedSetOf(cohortId, participantPersonId).orElseThrow();
        List<Long> members = sets.getSet(setId).members().stream().map(SetMember::personId).toList();
        long presenter = members.get(0) == participantPersonId ? members.get(1) : members.get(0);
        new SetMeetings(jdbi).create(setId, new SetMeetingInput(LocalDate.now().minusWeeks(2).toString(), "14:00", "Online",
                presenter, "Patients wait for care packages after they are fit to leave hospital; nobody owns the whole journey.",
                "Who else sees this delay?\nWhat would the people waiting say?\nWhat have you already tried?", "",
                "Agreed to map one patient's journey across hospital, social care and housing before the next meeting.",
                List.of(new org.convene.actions.AgreedAction(participantPersonId, "Shadow the discharge coordinator for a morning",
                        LocalDate.now().plusWeeks(1).toString()),
                    new org.convene.actions.AgreedAction(presenter, "Ask the housing team how they hear about discharges",
                        LocalDate.now().plusWeeks(2).toString()))).validated(members), null);
        new Inquiries(jdbi).create(setId, new InquiryInput("Discharge at its best", "Leaving hospital on the right day, to the right place",
                LocalDate.now().minusWeeks(1).toString(),
                new Phase(null, "Stories of a ward, a GP practice and a housing officer planning one man's return home together."),
                new Phase(null, "A shared picture: every discharge planned with housing and social care from the day of admission."),
                new Phase(null, "\"Housing joins the ward huddle when someone may not be able to go home.\""),
                new Phase(null, "Two actions, to be reviewed at the next meeting."),
                List.of(new org.convene.actions.AgreedAction(presenter, "Invite the housing officer to one ward huddle",
                        LocalDate.now().plusWeeks(3).toString()))).validated(members, null), null);
        return new Loaded(sets.sets(cohortId).size(), setId);
    }

    /**
     * The programme's next cohort, starting in six weeks: 24 people of the region not in the first
     * cohort, with years and bands, enrolled and waiting for the facilitator to form their sets.
     */
    static long nextCohort(Jdbi jdbi, long seed, long programmeId, long firstCohortId) {
        Programmes programmes = new Programmes(jdbi);
        LocalDate start = LocalDate.now().plusWeeks(6).with(java.time.DayOfWeek.TUESDAY);
        long cohort = programmes.createCohort(programmeId, new CohortInput("Cohort 2", start.toString(), start.plusWeeks(20).toString(),
                true).validated()).id();
        // From the 201st eligible person on; a small region (the demo allows 100 people) starts early enough to fill the cohort.
        List<Long> people = jdbi.withHandle(h -> h.createQuery("WITH eligible AS (SELECT id FROM people WHERE listed "
                        + "AND sector_code <> 'lived_experience' AND id NOT IN (SELECT person_id FROM enrolments WHERE cohort_id = :c)) "
                        + "SELECT id FROM eligible ORDER BY id OFFSET least(200, greatest(0, (SELECT count(*) FROM eligible) - 24)) LIMIT 24")
                .bind("c", firstCohortId).mapTo(Long.class).list());
        new Enrolments(jdbi).enrol(cohort, people);
        saveExperience(new Sets(jdbi), new SplittableRandom(seed * 37 + 11), cohort);
        return cohort;
    }

    /** Years of experience and band for everyone in the cohort (seeded; more years with a higher band). */
    private static void saveExperience(Sets sets, SplittableRandom random, long cohortId) {
        Map<Long, String[]> experience = new HashMap<>();
        for (SetMember m : sets.members(cohortId)) {
            int band = 4 + random.nextInt(5);
            int years = Math.max(1, Math.min(40, (band - 3) * 4 + random.nextInt(9) - 2));
            experience.put(m.personId(), new String[] {String.valueOf(years), String.valueOf(band)});
        }
        sets.saveExperience(cohortId, experience);
    }
}
