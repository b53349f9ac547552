package org.convene.demo;

import java.time.LocalDate;
import java.util.List;
import org.convene.communities.Communities;
import org.convene.communities.Community;
import org.convene.communities.CommunityInput;
import org.convene.communities.Discussion;
import org.convene.communities.Discussions;
import org.convene.communities.PostInput;
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
 * members, two discussions (one pinned) and a film night for 20 (the participant and a guest,
 * and 12 members registered), two ideas (one with 8 votes and a comment); and a request-to-join carers' circle the participant has asked to join.
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
            discussions.reply(film.id(), facilitator, new PostInput(null, "Yes: I will book the room.").validated(false));
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
        Ideas ideas = new Ideas(jdbi, "http://localhost");
        Idea party = ideas.propose(discharge.id(), participant, new IdeaInput("A co-produced winter party",
                "Planned with carers and people who have been through discharge, to say thank you and hear what would help.", false).validated());
        for (long m : members.subList(0, Math.min(8, members.size()))) {
            ideas.vote(party.id(), m, true);
        }
        ideas.comment(party.id(), facilitator, "The carers' circle could co-host it.");
        ideas.propose(discharge.id(), facilitator, new IdeaInput("Discharge stories in the staff newsletter", "", true).validated());
        Community carers = communities.create(new CommunityInput("Carers' circle",
                "Unpaid carers are left out of discharge planning.", "A space for carers and the people who work with them.", null,
                Community.REQUEST).validated(List.of()), members.isEmpty() ? facilitator : members.get(members.size() - 1), null);
        communities.join(carers.id(), participant);
        return communities.get(discharge.id());
    }
}
