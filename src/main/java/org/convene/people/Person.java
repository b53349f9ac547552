package org.convene.people;

import java.time.Instant;
import java.util.List;

/** A directory entry as shown on a profile page and returned by the API. */
public record Person(long id, String fullName, String email, String jobTitle, String profession,
                     Long organisationId, String organisationName, String sectorCode, String sectorName,
                     Long placeId, String placeName, List<String> interests, String offers, String asks,
                     String bio, String contactPreference, Visibility visibility, Visibility emailVisibility,
                     Instant createdAt, Instant updatedAt) {

    /** Whether anyone besides the person and those who run the directory may see the entry. */
    public boolean listed() {
        return visibility != Visibility.NOBODY;
    }

    /** The same entry with the email hidden, for viewers who should not see it. */
    public Person withoutEmail() {
        return new Person(id, fullName, null, jobTitle, profession, organisationId, organisationName, sectorCode,
                sectorName, placeId, placeName, interests, offers, asks, bio, contactPreference, visibility, emailVisibility,
                createdAt, updatedAt);
    }
}
