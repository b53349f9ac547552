package org.convene.projects;

import java.time.Instant;

/** A project in the list: enough to choose one. {@code score} is the latest confirmed progress score, null before any. */
public record ProjectSummary(long id, String title, ProjectStatus status, String placeName, String cohortName, String ownerName,
                             int members, int measures, Double score, Instant updatedAt) {
}
