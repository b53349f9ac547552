package org.convene.sets;

import java.util.List;
import java.util.Optional;
import org.convene.ties.TieInput;
import org.convene.ties.TieKind;
import org.convene.ties.Ties;
import org.jdbi.v3.core.Handle;

/**
 * The ties of published action learning sets: every two members still on the cohort met through
 * their set (kind met_through, source {@value #SOURCE}, reference set:ID). Someone who leaves a
 * set, by moving to another or withdrawing from the cohort, has their ties from it end today
 * (deleted if they began today, so undoing a mistake leaves no false history); someone who comes
 * back has them current again. Every change is made in the caller's transaction.
 */
public final class SetTies {
    public static final String SOURCE = "learning_set";

    private SetTies() {
    }

    static String ref(long setId) {
        return "set:" + setId;
    }

    /** Ties every two members of the set who are still on the cohort (when the sets are published). */
    static void tieAll(Handle h, long setId, Long by) {
        List<Long> people = members(h, setId);
        for (int a = 0; a < people.size(); a++) {
            for (int b = a + 1; b < people.size(); b++) {
                Ties.recordOngoing(h, tie(setId, people.get(a), people.get(b)), by);
            }
        }
    }

    /** Ties someone who has joined a published set with its other members. */
    static void join(Handle h, long setId, long personId, Long by) {
        for (long other : members(h, setId)) {
            if (other != personId) {
                Ties.recordOngoing(h, tie(setId, personId, other), by);
            }
        }
    }

    /** Ends the ties someone had through a set they have left. */
    static void leave(Handle h, long setId, long personId) {
        Ties.withdraw(h, personId, SOURCE, ref(setId));
    }

    /** Someone has withdrawn from a cohort: the ties of their published set there end. */
    public static void withdrawn(Handle h, long cohortId, long personId) {
        publishedSet(h, cohortId, personId).ifPresent(set -> leave(h, set, personId));
    }

    /** Someone has come back to a cohort: they are in their published set again, with its ties. */
    public static void reenrolled(Handle h, long cohortId, long personId, Long by) {
        publishedSet(h, cohortId, personId).ifPresent(set -> join(h, set, personId, by));
    }

    private static Optional<Long> publishedSet(Handle h, long cohortId, long personId) {
        return h.createQuery("SELECT m.set_id FROM learning_set_members m JOIN set_plans p ON p.cohort_id = m.cohort_id "
                        + "WHERE m.cohort_id = :c AND m.person_id = :p AND p.status = 'published'")
                .bind("c", cohortId).bind("p", personId).mapTo(Long.class).findOne();
    }

    /** The set's members who have not withdrawn from the cohort. */
    private static List<Long> members(Handle h, long setId) {
        return h.createQuery("SELECT m.person_id FROM learning_set_members m JOIN enrolments e "
                        + "ON e.cohort_id = m.cohort_id AND e.person_id = m.person_id "
                        + "WHERE m.set_id = :s AND e.status <> 'withdrawn' ORDER BY m.person_id")
                .bind("s", setId).mapTo(Long.class).list();
    }

    private static TieInput.Valid tie(long setId, long a, long b) {
        return new TieInput(a, b, TieKind.MET_THROUGH.code(), SOURCE, ref(setId), "In an action learning set together", null)
                .validated(SOURCE);
    }
}
