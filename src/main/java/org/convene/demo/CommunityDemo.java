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
 * checklist as a text file, a CSV of delays by week and a link to the national guidance); and a
 * request-to-join carers' circle, with a resource of its own, the participant has asked to join.
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
                "Leeds Central Library, Room 2", "", 20, 1, "Do you have any access needs?").validated(), null);
        events.register(film.id(), participant, new RegistrationInput(1, "").validated(film));
        for (long m : members.subList(0, Math.min(12, members.size()))) {
            events.register(film.id(), m, new RegistrationInput(0, "").validated(film));
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
}
