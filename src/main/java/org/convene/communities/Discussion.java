package org.convene.communities;

import java.time.Instant;

/** A discussion in a community: its title, who started it, whether convenors pinned it, and its activity. */
public record Discussion(long id, long communityId, String title, Long authorId, String authorName, boolean pinned, int posts,
                     Instant createdAt, Instant lastPostAt) {
}
