package org.convene.leadership;

import java.util.LinkedHashSet;
import java.util.List;
import org.convene.errors.Errors;
import org.convene.web.Text;

/**
 * A cluster as typed: its two or three members (candidates of the area; only when forming it), the
 * status, the board sponsor (empty: the area's sponsor), the mentor and the mentoring arrangement.
 */
public record ClusterInput(List<Long> members, String status, Long sponsor, Long mentor, String mentoring) {

    public record Valid(List<Long> members, LeaderCluster.Status status, Long sponsor, Long mentor, String mentoring) {
    }

    /** @param forming whether the cluster is being formed (members required) or changed (members left as they are) */
    public Valid validated(boolean forming) {
        Errors errors = new Errors();
        List<Long> distinct = List.copyOf(new LinkedHashSet<>(members == null ? List.of() : members));
        if (forming && (distinct.size() < 2 || distinct.size() > 3)) {
            errors.add("members", "A cluster has two or three different candidates");
        }
        if (!forming && members != null) {
            errors.add("members", "A cluster keeps its members: end it and form another to change them");
        }
        LeaderCluster.Status s = status == null || status.isBlank() ? LeaderCluster.Status.PROPOSED : LeaderCluster.Status.fromCode(status.trim());
        if (s == null) {
            errors.add("status", "The status is one of: proposed, agreed, active, ended");
        }
        if (mentor != null && distinct.contains(mentor)) {
            errors.add("mentor", "The mentor cannot be one of the cluster's members");
        }
        String arrangement = AreaInput.limited(errors, "mentoring", "The mentoring arrangement", Text.multiLine(mentoring), 1000);
        errors.throwIfAny();
        return new Valid(distinct, s, sponsor, mentor, arrangement);
    }
}
