package org.convene.programmes;

import java.time.Instant;

/** A leadership development programme, which runs cohorts. */
public record Programme(long id, String title, String summary, Instant createdAt, int cohorts) {
}
