package org.convene.programmes;

/** A person on a cohort, with where they work and how many modules they came to. */
public record Enrolment(long personId, String name, String jobTitle, String organisation, String sectorCode,
                        String sectorName, String status, int attended) {
}
