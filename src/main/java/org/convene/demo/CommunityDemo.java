package org.convene.demo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.convene.communities.Communities;
import org.convene.communities.Community;
import org.convene.communities.CommunityInput;
import org.convene.communities.Discussion;
import org.convene.communities.Discussions;
import org.convene.communities.PostInput;
import org.convene.communities.Resource;
import org.convene.communities.ResourceInput;
import org.convene.communities.Resources;
import org.convene.events.Event;
import org.convene.ideas.Idea;
import org.convene.ideas.IdeaInput;
import org.convene.ideas.Ideas;
import org.convene.events.EventInput;
import org.convene.events.Events;
import org.convene.events.RegistrationInput;
import org.jdbi.v3.core.Jdbi;

/**
 * The demo's communities of practice, through the real services: an open community on hospital
 * discharge, convened by the facilitator, with the participant and 20 people of the region as
 * members, two discussions (one pinned; a reply mentions the participant, who hears of it) and a film night for 20 (the
 * participant and a guest, and 12 members registered), two ideas (one with 8 votes and a comment), three resources (a pinned
 * checklist as a text file, a CSV of delays by week and a link to the national guidance); a workshop that ended ten days
 * ago, with 12 registered and 10 checked in (the participant among them) and its follow-up survey open, answered by 7 (so
 * its results show) but not yet by the participant; and a request-to-join carers' circle, with a resource of its own, the
 * participant has asked to join.
 */
final class CommunityDemo {
    private CommunityDemo() {
    }

    static Community forRegion(Jdbi jdbi, long facilitator, long participant) {
        Communities communities = new Communities(jdbi);
        Discussions discussions = new Discussions(jdbi);
        Community discharge = communities.create(new CommunityInput("Discharge to home",
                "People wait in hospital for care, equipment or a home to go back to.",
                "Ward staff, social workers, housing officers, carers and voluntary groups working on the same journey home.",
                null, Community.OPEN).validated(List.of()), facilitator, null);
        List<Long> members = jdbi.withHandle(h -> h.createQuery("SELECT id FROM people WHERE 'hospital discharge' = ANY (interests) "
                + "AND id NOT IN (:f, :p) ORDER BY id LIMIT 20").bind("f", facilitator).bind("p", participant).mapTo(Long.class).list());
        communities.join(discharge.id(), participant);
        members.forEach(m -> communities.join(discharge.id(), m));
        Discussion huddle = discussions.start(discharge.id(), facilitator, new PostInput("Friday discharge huddles: what works?",
                "Three wards now hold a **15-minute huddle** at 10am on Fridays with housing and social care.\n\n"
                        + "- Who should be in the room?\n- What do you bring to it?").validated(true));
        discussions.reply(huddle.id(), participant, new PostInput(null,
                "We invited the housing officer to ours and two people went home a day earlier. _Bring the list of who might need "
                        + "housing help._").validated(false));
        discussions.pin(huddle.id(), true);
        if (!members.isEmpty()) {
            Discussion film = discussions.start(discharge.id(), members.get(0), new PostInput("Film night: the journey home",
                    "Shall we watch a short film about one family's discharge and talk about it afterwards?").validated(true));
            String participantName = jdbi.withHandle(h -> h.createQuery("SELECT full_name FROM people WHERE id = :p").bind("p", participant)
                    .mapTo(String.class).one());
            discussions.reply(film.id(), facilitator, new PostInput(null, "Yes: I will book the room. @" + participantName
                    + ", could you bring the carers' leaflets?").validated(false));
        }
        Events events = new Events(jdbi, "http://localhost");
        LocalDate day = LocalDate.now().plusWeeks(3).with(java.time.DayOfWeek.THURSDAY);
        Event film = events.create(discharge.id(), facilitator, new EventInput("Film night: the journey home", "film_club",
                "A short film about one family's discharge, then a conversation.", day.toString(), "18:30", "20:30", "Europe/London",
                "Leeds Central Library, Room 2", "", 20, 1, "Do you have any access needs?", null).validated(), null);
        events.register(film.id(), participant, new RegistrationInput(1, "").validated(film));
        for (long m : members.subList(0, Math.min(12, members.size()))) {
            events.register(film.id(), m, new RegistrationInput(0, "").validated(film));
        }
        if (members.size() >= 12) {
            pastWorkshop(jdbi, events, discharge.id(), facilitator, participant, members.subList(0, 11));
        }
        Ideas ideas = new Ideas(jdbi, "http://localhost");
        Idea party = ideas.propose(discharge.id(), participant, new IdeaInput("A co-produced winter party",
                "Planned with carers and people who have been through discharge, to say thank you and hear what would help.", false).validated());
        for (long m : members.subList(0, Math.min(8, members.size()))) {
            ideas.vote(party.id(), m, true);
        }
        ideas.comment(party.id(), facilitator, "The carers' circle could co-host it.");
        ideas.propose(discharge.id(), facilitator, new IdeaInput("Discharge stories in the staff newsletter", "", true).validated());
        long carersConvenor = members.isEmpty() ? facilitator : members.get(members.size() - 1);
        Community carers = communities.create(new CommunityInput("Carers' circle",
                "Unpaid carers are left out of discharge planning.", "A space for carers and the people who work with them.", null,
                Community.REQUEST).validated(List.of()), carersConvenor, null);
        communities.join(carers.id(), participant);
        Resources resources = new Resources(jdbi);
        addResources(resources, discharge.id(), facilitator, participant);
        resources.add(carers.id(), carersConvenor, new ResourceInput("Questions carers ask before discharge", "", null)
                .validated(text("carers-questions.txt", "When is the discharge date?\nWho do I call if the care does not start?\n")));
        return communities.get(discharge.id());
    }

    /** A pinned checklist (text), six weeks of delays (CSV) and a link to the national guidance. */
    private static void addResources(Resources resources, long discharge, long facilitator, long participant) {
        Resource checklist = resources.add(discharge, facilitator, new ResourceInput("Friday huddle checklist",
                "The questions the three wards go through at every huddle.", null).validated(text("huddle-checklist.txt",
                "Friday discharge huddle (15 minutes, 10am)\n\n1. Who could go home today or tomorrow?\n"
                        + "2. What is each of them waiting for: care, equipment, housing, transport?\n"
                        + "3. Who will chase it, by when?\n4. Who might need housing help? Tell the housing officer now.\n")));
        resources.pin(checklist.id(), true);
        StringBuilder csv = new StringBuilder("week,ward,delayed_discharges,days_delayed\n");
        List<String> wards = List.of("Ward 4", "Ward 7", "Ward 12");
        int[] firstWeek = {12, 9, 15};
        for (int week = 1; week <= 6; week++) {
            for (int w = 0; w < wards.size(); w++) {
                int delayed = Math.max(2, firstWeek[w] - week);
                csv.append(week).append(',').append(wards.get(w)).append(',').append(delayed).append(',').append(delayed * 3).append('\n');
            }
        }
        resources.add(discharge, participant, new ResourceInput("Delayed discharges by week",
                "Six weeks of counts from the three wards with huddles.", null)
                .validated(text("delays-by-week.csv", csv.toString())));
        resources.add(discharge, facilitator, new ResourceInput("Hospital discharge and community support guidance",
                "The national policy and operating model.",
                "https://www.gov.uk/government/publications/hospital-discharge-service-policy-and-operating-model").validated(null));
    }

    private static ResourceInput.Upload text(String name, String content) {
        return new ResourceInput.Upload(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static final String[] WORTH_IT = {"5", "4", "5", "4", "3", "5", "4"};
    private static final String[] WENT_WELL = {"Hearing from the housing officer about what they need from the ward.",
            "Small mixed tables: I met two social workers I now call directly.", "", "The case study from Ward 12 made it real.",
            "Practical and short.", "", "Everyone left with one thing to try on Friday."};
    private static final String[] CHANGE = {"More time for the table discussions.", "", "Invite a carer to speak next time.",
            "A bit rushed at the end.", "", "Hold it somewhere with parking.", ""};

    /**
     * A workshop that ended ten days ago: 12 registered, 10 checked in, and its follow-up survey
     * opened at the end (sent to the 10 through the engine, then the emails taken back out of the
     * outbox, as the programme demo does), answered by 7 of them, not yet by the participant.
     */
    private static void pastWorkshop(Jdbi jdbi, Events events, long community, long facilitator, long participant, List<Long> members) {
        long outboxBefore = jdbi.withHandle(h -> h.createQuery("SELECT coalesce(max(id), 0) FROM outbox").mapTo(Long.class).one());
        LocalDate day = LocalDate.now().plusDays(7);
        Event workshop = events.create(community, facilitator, new EventInput("Friday huddles workshop", "workshop",
                "Three wards share what they learnt from their Friday discharge huddles, then we plan the next three wards.",
                day.toString(), "10:00", "12:30", "Europe/London", "St James's Hospital, Education Centre", "", 30, 0, "", null)
                .validated(), null);
        List<Long> registered = new java.util.ArrayList<>(members);
        registered.add(0, participant);
        for (long p : registered) {
            events.register(workshop.id(), p, new RegistrationInput(0, "").validated(workshop));
        }
        // Time passes: the workshop was ten days ago, and ten of the twelve came.
        jdbi.useHandle(h -> h.createUpdate("UPDATE events SET starts_at = starts_at - interval '17 days', ends_at = ends_at - interval '17 days' "
                + "WHERE id = :e").bind("e", workshop.id()).execute());
        for (long p : registered.subList(0, 10)) {
            events.checkIn(workshop.id(), p, true);
        }
        Event ended = events.get(workshop.id());
        org.convene.surveys.Surveys surveys = new org.convene.surveys.Surveys(jdbi);
        org.convene.surveys.Survey survey = surveys.createForEvent(ended.id(), ended.title(), ended.endsAt(), null, true);
        try {
            new org.convene.surveys.Distribution(jdbi, new org.convene.surveys.SurveyLinks(jdbi), "http://localhost").openNow(survey.id());
        } catch (org.convene.errors.ConflictException alreadyOpen) {
            // A running app's distribution job opened it first: the same invitations, sent once.
        }
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE surveys SET opens_at = :o, closes_at = CAST(:o AS timestamptz) + interval '14 days' WHERE id = :s")
                    .bind("o", ended.endsAt()).bind("s", survey.id()).execute();
            h.createUpdate("UPDATE survey_invitations SET created_at = :o, last_emailed_at = :o WHERE survey_id = :s")
                    .bind("o", ended.endsAt()).bind("s", survey.id()).execute();
            h.createUpdate("DELETE FROM outbox WHERE id > :before AND sent_at IS NULL").bind("before", outboxBefore).execute();
        });
        org.convene.surveys.Responses responses = new org.convene.surveys.Responses(jdbi);
        List<org.convene.surveys.Question> questions = surveys.questions(survey.id());
        List<Long> answering = registered.subList(1, 8);
        for (int i = 0; i < answering.size(); i++) {
            java.util.Map<Long, org.convene.surveys.Responses.Answer> answers = new java.util.LinkedHashMap<>();
            for (org.convene.surveys.Question q : questions) {
                answers.put(q.id(), switch (q.code()) {
                    case "worth_it" -> new org.convene.surveys.Responses.Answer(q.id(), Integer.valueOf(WORTH_IT[i]), null, List.of(), "", List.of());
                    case "come_again" -> new org.convene.surveys.Responses.Answer(q.id(), i % 3 == 2 ? 3 : 5, null, List.of(), "", List.of());
                    case "went_well" -> new org.convene.surveys.Responses.Answer(q.id(), null, null, List.of(), WENT_WELL[i], List.of());
                    case "even_better_if" -> new org.convene.surveys.Responses.Answer(q.id(), null, null, List.of(), CHANGE[i], List.of());
                    default -> org.convene.surveys.Responses.Answer.empty(q.id());
                });
            }
            long invitation = responses.invitationFor(survey.id(), answering.get(i)).orElseThrow().id();
            responses.save(invitation, answers, true, null);
        }
        jdbi.useHandle(h -> h.createUpdate("UPDATE survey_responses r SET started_at = CAST(:o AS timestamptz) + (r.id % 50) * interval '1 hour', "
                + "updated_at = CAST(:o AS timestamptz) + (r.id % 50) * interval '1 hour', "
                + "submitted_at = CAST(:o AS timestamptz) + (r.id % 50) * interval '1 hour' WHERE r.survey_id = :s")
                .bind("o", ended.endsAt()).bind("s", survey.id()).execute());
    }
}
