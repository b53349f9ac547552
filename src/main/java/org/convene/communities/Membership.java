package org.convene.communities;

/** Someone's place in a community: member or convenor, active or asking to join. */
public record Membership(String role, String status) {
    public static final String MEMBER = "member";
    public static final String CONVENOR = "convenor";
    public static final String ACTIVE = "active";
    public static final String REQUESTED = "requested";

    public boolean active() {
        return ACTIVE.equals(status);
    }

    public boolean convenor() {
        return CONVENOR.equals(role) && active();
    }
}
