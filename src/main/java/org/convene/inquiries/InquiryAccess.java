package org.convene.inquiries;

import org.convene.accounts.Viewer;
import org.convene.errors.NotFoundException;
import org.convene.sets.LearningSet;
import org.convene.sets.SetAccess;

/** Who sees an Appreciative Inquiry session: whoever sees its set (its members and the programme team). */
final class InquiryAccess {
    record Visible(Inquiry inquiry, LearningSet set) {
    }

    private final Inquiries inquiries;
    private final SetAccess sets;

    InquiryAccess(Inquiries inquiries, SetAccess sets) {
        this.inquiries = inquiries;
        this.sets = sets;
    }

    LearningSet set(Viewer viewer, long setId) {
        return sets.visible(viewer, setId);
    }

    /** The session and its set; to anyone who may not see the set, the session does not exist. */
    Visible inquiry(Viewer viewer, long id) {
        Inquiry inquiry = inquiries.get(id);
        try {
            return new Visible(inquiry, sets.visible(viewer, inquiry.setId()));
        } catch (NotFoundException e) {
            throw new NotFoundException("No Appreciative Inquiry session with id " + id);
        }
    }
}
