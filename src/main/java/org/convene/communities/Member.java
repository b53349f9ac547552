package org.convene.communities;

import java.util.List;

/** A person in a community's members list (or asking to join). */
public record Member(long personId, String name, String jobTitle, String organisation, String sectorName, String place,
                     List<String> interests, String role, String status) {
}
