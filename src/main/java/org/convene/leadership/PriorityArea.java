package org.convene.leadership;

import java.util.List;

/**
 * A priority area for systemic change, as the checklist asks: the care improvement and the savings
 * expected, the topics it is about, its place, the board sponsor and what we know of the
 * relationships between the candidates.
 */
public record PriorityArea(long id, String title, String improvement, String savings, Long savingsPerYear, List<String> topics,
                           String place, Long sponsorId, String sponsorName, String sponsorNotes, String relationshipNotes,
                           int candidates, int clusters) {
}
