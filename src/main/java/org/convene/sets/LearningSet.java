package org.convene.sets;

import java.util.List;

/** One action learning set of a cohort, numbered from 1, with its members. */
public record LearningSet(long id, long cohortId, int number, List<SetMember> members) {
    public String name() {
        return "Set " + number;
    }

    /** The members' person ids (who may own an action agreed in the set). */
    public List<Long> memberIds() {
        return members.stream().map(SetMember::personId).toList();
    }
}
