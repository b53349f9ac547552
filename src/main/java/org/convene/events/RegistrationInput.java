package org.convene.events;

import org.convene.errors.Errors;
import org.convene.web.Text;

/** A registration as typed: guests brought (up to the event's limit) and the answer to its question. */
public record RegistrationInput(Integer guests, String answer) {
    public record Valid(int guests, String answer) {
    }

    public Valid validated(Event event) {
        Errors errors = new Errors();
        int g = guests == null ? 0 : guests;
        if (g < 0 || g > event.maxGuests()) {
            errors.add("guests", event.maxGuests() == 0 ? "This event does not take guests"
                    : "Bring from 0 to " + event.maxGuests() + " guests");
        }
        String a = Text.multiLine(answer);
        if (a.length() > 1000) {
            errors.add("answer", "The answer must be 1,000 characters or fewer");
        }
        errors.throwIfAny();
        return new Valid(g, a);
    }
}
