package org.convene.groups;

import java.util.List;
import java.util.Map;

/**
 * One group and why it is good: its members (indices into the problem's people, ascending) and
 * ids, its mix of sectors, professions, organisations and places (counts, largest first, then by
 * name; people without an organisation count as "(none)"), its diversity (the sum of d over its
 * pairs) and each numeric attribute's mean and standard deviation (population; NaN when no member
 * has a value).
 */
public record Group(int index, List<Integer> members, List<String> ids, Map<String, Integer> sectors,
                    Map<String, Integer> professions, Map<String, Integer> organisations, Map<String, Integer> places,
                    long diversity, List<Double> means, List<Double> sds) {
    public Group {
        members = List.copyOf(members);
        ids = List.copyOf(ids);
        sectors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sectors));
        professions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(professions));
        organisations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(organisations));
        places = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(places));
        means = List.copyOf(means);
        sds = List.copyOf(sds);
    }

    public int size() {
        return members.size();
    }
}
