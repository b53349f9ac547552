package org.convene.matching;

import java.util.List;

/** A pair or a trio; {@code score} is the sum of the scores of the pairs inside the group. */
public record Group(List<Participant> members, int score) {
    public Group {
        members = List.copyOf(members);
        if (members.size() < 2 || members.size() > 3) {
            throw new IllegalArgumentException("A group is a pair or a trio");
        }
    }

    public boolean trio() {
        return members.size() == 3;
    }
}
