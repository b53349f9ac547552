package org.convene.schemes;

import java.util.List;
import java.util.Locale;
import org.convene.errors.Errors;
import org.convene.people.Person;
import org.convene.people.PersonInput;
import org.convene.web.Text;

/**
 * Opting in to a scheme: how you like to meet, and (optionally) the directory details matching
 * uses. A detail left null keeps what the profile already says; the rest of the profile is untouched.
 */
public record MembershipInput(String meetingMode, Long organisationId, String sector, String place, List<String> interests,
                              String offers, String asks) {

    public MeetingMode mode(MeetingMode scheme) {
        String code = Text.singleLine(meetingMode).toLowerCase(Locale.ROOT);
        MeetingMode mode = code.isEmpty() ? scheme : MeetingMode.fromCode(code).orElse(null);
        Errors errors = new Errors();
        if (mode == null) {
            errors.add("meetingMode", "Choose how you would like to meet: in_person, online or either");
        } else if (scheme != MeetingMode.EITHER && mode != scheme && mode != MeetingMode.EITHER) {
            errors.add("meetingMode", "This scheme meets " + scheme.label().toLowerCase(Locale.ROOT) + " only");
        }
        errors.throwIfAny();
        return mode;
    }

    /** Whether any directory detail was sent. */
    public boolean changesProfile() {
        return organisationId != null || sector != null || place != null || interests != null || offers != null || asks != null;
    }

    /** The person's entry with the details sent here, for {@link PersonInput#validated}. */
    public PersonInput profile(Person p) {
        return new PersonInput(p.fullName(), p.email(), p.jobTitle(), p.profession(),
                organisationId != null ? (organisationId == 0 ? null : organisationId) : p.organisationId(),
                sector != null ? sector : p.sectorCode(),
                place != null ? place : (p.placeName() == null ? "" : p.placeName()),
                interests != null ? interests : p.interests(),
                offers != null ? offers : p.offers(),
                asks != null ? asks : p.asks(),
                p.bio(), p.contactPreference(), p.visibility().code(), p.emailVisibility().code());
    }
}
