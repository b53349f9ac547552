package org.convene.organisations;

import org.convene.directory.Reference;
import org.convene.errors.Errors;
import org.convene.web.Text;

/** What a user sends to create or change an organisation: a name, a sector (code or name), a place. */
public record OrganisationInput(String name, String sector, String place) {

    /** Trims and checks every field, throwing one error that lists each problem. */
    public OrganisationInput validated(Reference reference) {
        Errors errors = new Errors();
        String cleanName = Text.singleLine(name);
        if (cleanName.isEmpty()) {
            errors.add("name", "Enter the organisation's name");
        } else if (cleanName.length() > 200) {
            errors.add("name", "Name must be 200 characters or fewer");
        }
        String sectorCode = reference.sectorByCodeOrName(sector).map(s -> s.code()).orElse(null);
        if (sectorCode == null) {
            errors.add("sector", sector == null || sector.isBlank() ? "Choose a sector" : "Unknown sector '" + Text.clip(sector, 60) + "'");
        }
        String cleanPlace = Text.singleLine(place);
        if (cleanPlace.length() > 120) {
            errors.add("place", "Place must be 120 characters or fewer");
        }
        errors.throwIfAny();
        return new OrganisationInput(cleanName, sectorCode, cleanPlace);
    }
}
