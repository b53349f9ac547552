package org.convene.people;

import java.util.List;

/** One row of directory search results. */
public record PersonSummary(long id, String fullName, String jobTitle, String profession, String organisationName,
                            String sectorCode, String sectorName, String placeName, List<String> interests) {
}
