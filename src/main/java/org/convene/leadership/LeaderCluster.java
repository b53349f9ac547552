package org.convene.leadership;

import java.util.List;
import org.convene.web.Coded;

/** A cluster of two or three leaders around a priority area, with its sponsor, mentor and the reasons it was suggested. */
public record LeaderCluster(long id, long areaId, String areaTitle, Status status, Long sponsorId, String sponsorName, Long mentorId,
                            String mentorName, String mentoring, double score, List<String> reasons, List<Member> members) {

    public record Member(long personId, String name, String jobTitle, String organisation, String sectorName,
                         Candidate.Agreement managerAgreement) {
    }

    public enum Status implements Coded {
        PROPOSED("proposed", "Proposed"),
        AGREED("agreed", "Agreed by all"),
        ACTIVE("active", "Developing together"),
        ENDED("ended", "Ended");

        private final String code;
        private final String label;

        Status(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }

        /** The constant with this code, or null. */
        public static Status fromCode(String code) {
            return Coded.fromCode(Status.class, code).orElse(null);
        }
    }

    public boolean involves(long personId) {
        return (sponsorId != null && sponsorId == personId) || (mentorId != null && mentorId == personId)
                || members.stream().anyMatch(m -> m.personId() == personId);
    }
}
