package org.convene.communities;

/** A community of practice: one common problem, its place (or system-wide), how people join, and its size. */
public record Community(long id, String name, String problem, String description, String place, String joining, int members,
                        int threads) {
    public static final String OPEN = "open";
    public static final String REQUEST = "request";

    public boolean open() {
        return OPEN.equals(joining);
    }
}
