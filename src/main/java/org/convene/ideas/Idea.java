package org.convene.ideas;

import java.time.Instant;

/** An idea on a board (a community's, or the whole system's when communityId is null), its votes and what it became. */
public record Idea(long id, Long communityId, String communityName, String title, String description, Long authorId, String authorName,
                   boolean secretBallot, int votes, int comments, Long eventId, String eventTitle, Long projectId, String projectTitle,
                   Instant createdAt) {
}
