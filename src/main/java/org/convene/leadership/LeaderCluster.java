package org.convene.leadership;

import java.util.List;

/** A cluster of two or three leaders around a priority area, with its sponsor, mentor and the reasons it was suggested. */
public record LeaderCluster(long id, long areaId, String areaTitle, Status status, Long sponsorId, String sponsorName, Long mentorId,
                            String mentorName, String mentoring, double score, List<String> reasons, List<Member> members) {

    public record Member(long personId, String name, String jobTitle, String organisation, String sectorName,
                         Candidate.Agreement managerAgreement) {
    }

    public enum Status {
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

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        public static Status fromCode(String code) {
            for (Status s : values()) {
                if (s.code.equals(code)) {
                    return s;
                }
            }
            return null;
        }
    }

    public boolean involves(long personId) {
        return (sponsorId != null && sponsorId == personId) || (mentorId != null && mentorId == personId)
                || members.stream().anyMatch(m -> m.personId() == personId);
    }
}
