package org.convene.clusters;

import java.util.Set;

/**
 * A candidate leader.
 *
 * @param id           unique among the candidates of one call
 * @param name         used in the reasons (blank: "Candidate &lt;id&gt;")
 * @param sector       e.g. "acute care", "housing", "social care"; null or empty if unknown
 * @param organisation null or empty if unknown
 * @param profession   null or empty if unknown
 * @param jobTitle     null or empty if unknown
 * @param place        null or empty if unknown
 * @param interests    free-text topics, compared with the area's topics case-insensitively
 *                     after trimming (null: none)
 * @param seniority    1 (early career) to 5 (executive or board level)
 * @param endorsements number of peers who endorsed them, at least 0
 */
public record Candidate(long id, String name, String sector, String organisation, String profession, String jobTitle,
        String place, Set<String> interests, int seniority, int endorsements) {
}
