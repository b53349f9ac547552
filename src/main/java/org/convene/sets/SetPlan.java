package org.convene.sets;

import java.time.Instant;

/** How a cohort's sets were formed, and whether the members can see them yet. */
public record SetPlan(long cohortId, String status, int setSize, long seed, boolean avoidPast, SetFigures figures,
                      Instant formedAt, Instant publishedAt) {
    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";

    public boolean published() {
        return PUBLISHED.equals(status);
    }
}
