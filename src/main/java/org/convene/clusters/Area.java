package org.convene.clusters;

import java.util.Set;

/**
 * The priority area a cluster of leaders is formed around.
 *
 * @param description title, the care improvement and the savings expected, free text; its words
 *                    of four or more letters (minus stop words) are the keywords a candidate's
 *                    job title or profession is matched against (see {@link Suggester})
 * @param topics      the topics the area is about, e.g. "hospital discharge", "frailty"; compared
 *                    with candidates' interests case-insensitively after trimming (may be empty)
 * @param place       where the area is, or null; clusters all in this place are said to be so
 */
public record Area(String description, Set<String> topics, String place) {
}
