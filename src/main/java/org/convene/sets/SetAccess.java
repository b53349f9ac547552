package org.convene.sets;

import org.convene.accounts.Viewer;
import org.convene.errors.ForbiddenException;
import org.convene.errors.NotFoundException;

/**
 * Who sees a set: its members once published, and the programme team. Meeting records are for
 * the members only (what is said in a set stays in the set). Others learn nothing, not even that
 * the set exists.
 */
public final class SetAccess {
    private final Sets sets;

    public SetAccess(Sets sets) {
        this.sets = sets;
    }

    public LearningSet visible(Viewer viewer, long id) {
        LearningSet set = sets.set(id).orElseThrow(() -> missing(id));
        if (viewer.inProgrammeTeam() || isMember(viewer, set)) {
            return set;
        }
        throw missing(id);
    }

    public LearningSet forMembers(Viewer viewer, long id) {
        LearningSet set = sets.set(id).orElseThrow(() -> missing(id));
        if (isMember(viewer, set)) {
            return set;
        }
        if (viewer.inProgrammeTeam()) {
            throw new ForbiddenException("Set meetings are for the set's members only");
        }
        throw missing(id);
    }

    public boolean isMember(Viewer viewer, LearningSet set) {
        return viewer.personId() != null && sets.inPublishedSet(set.id(), viewer.personId());
    }

    private static NotFoundException missing(long id) {
        return new NotFoundException("No action learning set with id " + id);
    }
}
