package org.convene.leadership;

import org.convene.errors.Errors;
import org.convene.web.Text;

/** A peer's endorsement of a candidate: who endorses (a person id, not the candidate) and what they said. */
public record EndorsementInput(Long endorser, String note) {
    public record Valid(long endorser, String note) {
    }

    public Valid validated(long candidate) {
        Errors errors = new Errors();
        if (endorser == null) {
            errors.add("endorser", "Choose who endorses them");
        } else if (endorser == candidate) {
            errors.add("endorser", "A candidate cannot endorse themselves");
        }
        String said = AreaInput.limited(errors, "note", "What they said", Text.multiLine(note), 500);
        errors.throwIfAny();
        return new Valid(endorser, said);
    }
}
