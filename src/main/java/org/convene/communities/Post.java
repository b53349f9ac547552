package org.convene.communities;

import java.time.Instant;

/** A post in a discussion: the Markdown its author wrote and the sanitised HTML shown for it. */
public record Post(long id, long threadId, Long authorId, String authorName, String body, String html, Instant createdAt) {
}
