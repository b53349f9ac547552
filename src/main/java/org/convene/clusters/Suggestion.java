package org.convene.clusters;

import java.util.List;

/**
 * A suggested cluster of two or three leaders.
 *
 * @param members         candidate ids, in the order of the input candidates list
 * @param score           weighted mean of the four criteria, in [0, 1]
 * @param relevance       mean of the members' relevance to the area, in [0, 1]
 * @param clout           mean of the members' clout (seniority and endorsements), in [0, 1]
 * @param complementarity spread of sectors, organisations and professions, in [0, 1]
 * @param relationship    mean over the members' pairs of their strongest tie, in [0, 1]
 * @param reasons         plain-English reasons, one sentence each, naming people by name
 */
public record Suggestion(List<Long> members, double score, double relevance, double clout, double complementarity,
        double relationship, List<String> reasons) {
}
