package org.convene.leadership;

import java.util.List;
import org.convene.web.Coded;

/**
 * A candidate leader for a priority area: who they are in the directory, their seniority (1 early
 * career to 5 executive or board), why they have clout, how to interest them, their line manager's
 * agreement, the peers who endorsed them, and the cluster they are in (or null).
 */
public record Candidate(long personId, String name, String jobTitle, String profession, String organisation, String sector,
                        String sectorName, String place, List<String> interests, int seniority, String clout, String approach,
                        String lineManager, Agreement managerAgreement, List<Endorsement> endorsements, Long clusterId) {

    public record Endorsement(long endorserId, String endorserName, String note) {
    }

    /** The line manager's agreement to the candidate's development. */
    public enum Agreement implements Coded {
        NOT_ASKED("not_asked", "Not asked yet"),
        ASKED("asked", "Asked"),
        AGREED("agreed", "Agreed"),
        DECLINED("declined", "Declined");

        private final String code;
        private final String label;

        Agreement(String code, String label) {
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
        public static Agreement fromCode(String code) {
            return Coded.fromCode(Agreement.class, code).orElse(null);
        }
    }

    public static final List<String> SENIORITY = List.of("Early career", "Experienced practitioner", "Team or service lead",
            "Senior manager or consultant", "Executive or board");

    public String seniorityLabel() {
        return SENIORITY.get(seniority - 1);
    }
}
