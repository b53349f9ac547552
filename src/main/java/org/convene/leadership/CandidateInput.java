package org.convene.leadership;

import org.convene.errors.Errors;
import org.convene.web.Text;

/**
 * A candidate leader as typed: who (a person id), their seniority (1 early career to 5 executive or
 * board), why they have clout, how we might interest them, their line manager and whether the
 * manager has agreed ("not_asked", "asked", "agreed", "declined"; empty: not asked).
 */
public record CandidateInput(Long person, Integer seniority, String clout, String approach, String lineManager,
                             String managerAgreement) {

    public record Valid(long person, int seniority, String clout, String approach, String lineManager,
                        Candidate.Agreement managerAgreement) {
    }

    public Valid validated() {
        Errors errors = new Errors();
        if (person == null) {
            errors.add("person", "Choose the candidate");
        }
        if (seniority == null || seniority < 1 || seniority > 5) {
            errors.add("seniority", "Choose their seniority, from 1 (early career) to 5 (executive or board)");
        }
        String why = AreaInput.limited(errors, "clout", "Why they have clout", Text.multiLine(clout), 1000);
        String how = AreaInput.limited(errors, "approach", "How to interest them", Text.multiLine(approach), 1000);
        String manager = AreaInput.limited(errors, "lineManager", "The line manager", Text.singleLine(lineManager), 200);
        Candidate.Agreement agreement = managerAgreement == null || managerAgreement.isBlank()
                ? Candidate.Agreement.NOT_ASKED : Candidate.Agreement.fromCode(managerAgreement.trim());
        if (agreement == null) {
            errors.add("managerAgreement", "The line manager's agreement is one of: not_asked, asked, agreed, declined");
        }
        errors.throwIfAny();
        return new Valid(person, seniority, why, how, manager, agreement);
    }
}
