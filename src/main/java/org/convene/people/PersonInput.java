package org.convene.people;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.convene.directory.Reference;
import org.convene.errors.Errors;
import org.convene.organisations.Organisation;
import org.convene.organisations.Organisations;
import org.convene.web.Text;

/**
 * What a user sends to create or change a directory entry. {@link #validated} returns a cleaned
 * copy (sector as its code, organisation's sector and place filled in when left blank) or throws
 * one error naming every field that is wrong.
 */
public record PersonInput(String fullName, String email, String jobTitle, String profession, Long organisationId,
                          String sector, String place, List<String> interests, String offers, String asks,
                          String bio, String contactPreference, String visibility, String emailVisibility) {
    public static final int MAX_INTERESTS = 20;

    public PersonInput validated(Reference reference, Organisations organisations, List<String> topics) {
        return validated(reference, organisations::find, topics);
    }

    /**
     * The same rules, finding the organisation through {@code organisationById}: an import checks
     * thousands of rows against organisations it has looked up once, not once per row.
     */
    public PersonInput validated(Reference reference, LongFunction<Optional<Organisation>> organisationById,
                                 List<String> topics) {
        Errors errors = new Errors();
        String name = Text.singleLine(fullName);
        if (name.isEmpty()) {
            errors.add("fullName", "Enter a full name");
        } else if (name.length() > 200) {
            errors.add("fullName", "Full name must be 200 characters or fewer");
        }
        String cleanEmail = Text.singleLine(email);
        if (!cleanEmail.isEmpty() && !Text.isEmail(cleanEmail)) {
            errors.add("email", "Enter an email address like name@example.org");
        }
        String title = limited(errors, "jobTitle", "Job title", Text.singleLine(jobTitle), 200);
        String prof = limited(errors, "profession", "Profession", Text.singleLine(profession), 120);

        Organisation organisation = null;
        if (organisationId != null) {
            organisation = organisationById.apply(organisationId).orElse(null);
            if (organisation == null) {
                errors.add("organisationId", "No organisation with id " + organisationId);
            }
        }
        String sectorCode;
        if (sector == null || sector.isBlank()) {
            sectorCode = organisation != null ? organisation.sectorCode() : null;
            if (sectorCode == null) {
                errors.add("sector", "Choose a sector");
            }
        } else {
            sectorCode = reference.sectorByCodeOrName(sector).map(s -> s.code()).orElse(null);
            if (sectorCode == null) {
                errors.add("sector", "Unknown sector '" + Text.clip(sector, 60) + "'");
            }
        }
        String cleanPlace = Text.singleLine(place);
        if (cleanPlace.isEmpty() && organisation != null && organisation.placeName() != null) {
            cleanPlace = organisation.placeName();
        }
        limited(errors, "place", "Place", cleanPlace, 120);

        List<String> cleanInterests = canonicalInterests(interests, topics);
        if (cleanInterests.size() > MAX_INTERESTS) {
            errors.add("interests", "Choose at most " + MAX_INTERESTS + " interests");
        }
        for (String interest : cleanInterests) {
            if (interest.length() > 80) {
                errors.add("interests", "Each interest must be 80 characters or fewer");
            }
        }
        String cleanOffers = limited(errors, "offers", "What you can offer", Text.multiLine(offers), 2000);
        String cleanAsks = limited(errors, "asks", "What you are looking for", Text.multiLine(asks), 2000);
        String cleanBio = limited(errors, "bio", "Bio", Text.multiLine(bio), 4000);
        String contact = contactPreference == null || contactPreference.isBlank() ? "email"
                : contactPreference.trim().toLowerCase(Locale.ROOT);
        if (!ContactPreference.ALL.contains(contact)) {
            errors.add("contactPreference", "Contact preference must be one of: " + String.join(", ", ContactPreference.ALL));
        }
        Visibility shown = level(errors, "visibility", visibility);
        Visibility emailShown = level(errors, "emailVisibility", emailVisibility);
        errors.throwIfAny();
        return new PersonInput(name, cleanEmail.isEmpty() ? null : cleanEmail, title, prof, organisationId, sectorCode,
                cleanPlace, cleanInterests, cleanOffers, cleanAsks, cleanBio, contact, shown.code(), emailShown.atMost(shown).code());
    }

    /** A visibility level by its code; left out, it is the most private. */
    private static Visibility level(Errors errors, String field, String code) {
        if (code == null || code.isBlank()) {
            return Visibility.NOBODY;
        }
        Optional<Visibility> level = Visibility.fromCode(code);
        if (level.isEmpty()) {
            errors.add(field, "Choose who can see this: everyone, communities or nobody");
            return Visibility.NOBODY;
        }
        return level.get();
    }

    /** Matches topics whatever their case, so "frailty" and "Frailty" file under the same interest. */
    static List<String> canonicalInterests(List<String> raw, List<String> topics) {
        if (raw == null) {
            return List.of();
        }
        Map<String, String> topicByKey = new LinkedHashMap<>();
        for (String t : topics) {
            topicByKey.put(Text.interestKey(t), t);
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String item : raw) {
            for (String part : Text.splitList(item)) {
                String key = Text.interestKey(part);
                result.putIfAbsent(key, topicByKey.getOrDefault(key, part));
            }
        }
        return new ArrayList<>(result.values());
    }

    private static String limited(Errors errors, String field, String label, String value, int max) {
        if (value.length() > max) {
            errors.add(field, label + " must be " + max + " characters or fewer");
        }
        return value;
    }
}
