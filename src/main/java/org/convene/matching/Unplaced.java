package org.convene.matching;

/** Someone the round could not place, and why. */
public record Unplaced(Participant participant, String reason) {
    public static final String NO_ALLOWED_PARTNER =
            "no allowed partner: everyone else is in the same sector or organisation, already met, or blocked";
    public static final String ODD_ONE_OUT =
            "odd one out: everyone they may meet is already paired, and no pair accepts a third";
    public static final String ALONE = "no one else is taking part in this round";
}
