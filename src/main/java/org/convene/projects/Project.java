package org.convene.projects;

import java.time.Instant;
import java.util.List;
import java.time.LocalDate;

/**
 * A project: its general fields (those of every project, improvement or place-based) and its aim,
 * empty when it has none. {@code presentationSize} is the size of an uploaded presentation file (0
 * when there is none, or when the presentation is a link).
 */
public record Project(long id, String title, String summary, String aim, Long placeId, String placeName,
                      ProjectStatus status, LocalDate startsOn, LocalDate endsOn, Long ownerId, String ownerName,
                      Long cohortId, String cohortName, String originKind, Long originId, String presentationUrl,
                      String presentationName, long presentationSize, Instant createdAt, Instant updatedAt, List<String> themes,
                      String outcomes, List<String> links, List<Partner> partners) {

    /** A partner organisation, with the sector it brings. */
    public record Partner(long organisationId, String name, String sectorCode, String sectorName) {
    }

    /** What the project grew from, in words ("An idea"), or null. */
    public String originLabel() {
        return originKind == null ? null : ProjectInput.originLabel(originKind);
    }

    /** The page of what the project grew from, or null (a match has no page of its own). */
    public String originPath() {
        if (originKind == null) {
            return null;
        }
        return switch (originKind) {
            case "community" -> "/communities/" + originId;
            case "action_learning_set" -> "/sets/" + originId;
            case "event" -> "/events/" + originId;
            case "cluster" -> "/clusters/" + originId;
            case "idea" -> "/ideas/" + originId;
            default -> null;
        };
    }

    public boolean hasPresentation() {
        return presentationUrl != null || presentationName != null;
    }

    /** Where the presentation is: its link, or the download of its file. */
    public String presentationHref() {
        return presentationUrl != null ? presentationUrl : presentationName != null ? "/projects/" + id + "/presentation" : null;
    }
}
