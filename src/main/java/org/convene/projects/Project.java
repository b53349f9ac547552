package org.convene.projects;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A project: its general fields (those of every project, improvement or place-based) and its aim,
 * empty when it has none. {@code presentationSize} is the size of an uploaded presentation file (0
 * when there is none, or when the presentation is a link).
 */
public record Project(long id, String title, String summary, String aim, Long placeId, String placeName,
                      ProjectStatus status, LocalDate startsOn, LocalDate endsOn, Long ownerId, String ownerName,
                      Long cohortId, String cohortName, String originKind, Long originId, String presentationUrl,
                      String presentationName, long presentationSize, Instant createdAt, Instant updatedAt) {

    public boolean hasPresentation() {
        return presentationUrl != null || presentationName != null;
    }

    /** Where the presentation is: its link, or the download of its file. */
    public String presentationHref() {
        return presentationUrl != null ? presentationUrl : presentationName != null ? "/projects/" + id + "/presentation" : null;
    }
}
