package org.convene.communities;

/** A person in a community's members list (or asking to join). */
public record Member(long personId, String name, String jobTitle, String organisation, String sectorName, String place, String role,
                     String status) {
}
