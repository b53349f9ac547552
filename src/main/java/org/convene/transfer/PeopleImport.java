package org.convene.transfer;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.convene.db.Rows;
import org.convene.directory.Reference;
import org.convene.errors.ConflictException;
import org.convene.errors.ImportRejectedException;
import org.convene.errors.ValidationException;
import org.convene.organisations.Organisation;
import org.convene.people.People;
import org.convene.people.PersonInput;
import org.convene.web.Text;
import org.jdbi.v3.core.Jdbi;

/**
 * Imports directory entries from CSV, all or nothing. Each row becomes a {@link PersonInput} and
 * is checked by its own rules; the import adds what only a file can get wrong: an organisation
 * named but not stored, a yes/no that is neither, the same email twice in the file, an email
 * already in the directory. Only a file without problems is stored, in one transaction.
 */
public final class PeopleImport {
    static final Columns COLUMNS = new Columns(List.of("full_name", "email", "job_title", "profession", "organisation",
            "sector", "place", "interests", "offers", "asks", "bio", "contact_preference", "visibility", "email_visibility", "listed"),
            List.of("full_name"), List.of("id", "organisation_id"));
    private final Jdbi jdbi;
    private final Reference reference;

    public PeopleImport(Jdbi jdbi, Reference reference) {
        this.jdbi = jdbi;
        this.reference = reference;
    }

    public ImportReport run(InputStream csv) {
        CsvImport.Sheet sheet = CsvImport.read(csv, COLUMNS);
        Map<String, Organisation> organisationsByName = organisationsNamedIn(sheet);
        Map<Long, Organisation> organisationsById = new HashMap<>();
        organisationsByName.values().forEach(o -> organisationsById.put(o.id(), o));
        List<String> topics = reference.topics();

        RowErrors errors = new RowErrors();
        List<Lined<PersonInput>> valid = new ArrayList<>();
        Map<String, Long> lineByEmail = new HashMap<>();
        for (CsvRow row : sheet.rows()) {
            if (row.problem() != null) {
                errors.add(row.line(), row.problem());
                continue;
            }
            List<String> problems = new ArrayList<>();
            String organisationName = Text.singleLine(row.get("organisation"));
            Organisation organisation = organisationsByName.get(organisationName);
            if (!organisationName.isEmpty() && organisation == null) {
                problems.add("There is no organisation called '" + Text.clip(organisationName, 80)
                        + "'. Add it, or import organisations before people.");
            }
            String visibility = visibility(row.get("visibility"), row.get("listed"), problems);
            PersonInput input = null;
            try {
                input = new PersonInput(row.get("full_name"), row.get("email"), row.get("job_title"), row.get("profession"),
                        organisation == null ? null : organisation.id(), row.get("sector"), row.get("place"),
                        Arrays.asList(row.get("interests").split(";")), row.get("offers"), row.get("asks"), row.get("bio"),
                        row.get("contact_preference"), visibility, row.get("email_visibility"))
                        .validated(reference, id -> Optional.ofNullable(organisationsById.get(id)), topics);
            } catch (ValidationException e) {
                Map<String, String> fields = new LinkedHashMap<>(e.fieldErrors());
                if (organisation == null && !organisationName.isEmpty() && row.get("sector").isBlank()) {
                    fields.remove("sector"); // it would have come from the organisation, already reported
                }
                if (e.fieldErrors().isEmpty()) {
                    problems.add(e.getMessage());
                }
                problems.addAll(fields.values());
            }
            if (!problems.isEmpty()) {
                errors.add(row.line(), String.join("; ", problems));
                continue;
            }
            if (input.email() != null) {
                Long first = lineByEmail.putIfAbsent(input.email().toLowerCase(Locale.ROOT), row.line());
                if (first != null) {
                    errors.add(row.line(), "The email " + input.email() + " is also on line " + first + ".");
                    continue;
                }
            }
            valid.add(new Lined<>(row.line(), input));
        }
        Set<String> stored = StoredNames.emails(jdbi,
                valid.stream().map(v -> v.value().email()).filter(e -> e != null).toList());
        for (Lined<PersonInput> v : valid) {
            if (v.value().email() != null && stored.contains(v.value().email())) {
                errors.add(v.line(), "Someone in the directory already has the email " + v.value().email() + ".");
            }
        }
        errors.throwIfAny();
        jdbi.useTransaction(h -> {
            for (Lined<PersonInput> v : valid) {
                try {
                    People.insert(h, v.value());
                } catch (ConflictException e) {
                    // Stored by someone else since the check above; the transaction rolls back.
                    throw ImportRejectedException.atLine(v.line(), e.getMessage());
                }
            }
        });
        return ImportReport.people(valid.size());
    }

    /** The organisations the file names, looked up together; keys are the names as written (tidied). */
    private Map<String, Organisation> organisationsNamedIn(CsvImport.Sheet sheet) {
        Set<String> names = new LinkedHashSet<>();
        for (CsvRow row : sheet.rows()) {
            String name = Text.singleLine(row.get("organisation"));
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            return Map.of();
        }
        Map<String, Organisation> found = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT x AS wanted, o.id, o.name, o.sector_code, s.name AS sector_name, "
                        + "o.place_id, pl.name AS place_name FROM unnest(:names) AS x "
                        + "JOIN organisations o ON lower(o.name) = lower(x) JOIN sectors s ON s.code = o.sector_code "
                        + "LEFT JOIN places pl ON pl.id = o.place_id")
                .bind("names", names.toArray(String[]::new))
                .map((rs, ctx) -> Map.entry(rs.getString("wanted"), new Organisation(rs.getLong("id"), rs.getString("name"),
                        rs.getString("sector_code"), rs.getString("sector_name"), Rows.nullableLong(rs, "place_id"),
                        rs.getString("place_name"), 0)))
                .forEach(e -> found.put(e.getKey(), e.getValue())));
        return found;
    }

    /**
     * The visibility column when it is filled in (checked with the other fields); otherwise the
     * older listed column: yes or true (any case) for everyone, no, false or empty for nobody.
     */
    static String visibility(String visibility, String listed, List<String> problems) {
        if (!visibility.isBlank()) {
            return visibility;
        }
        String v = listed.strip().toLowerCase(Locale.ROOT);
        switch (v) {
            case "", "no", "false":
                return "nobody";
            case "yes", "true":
                return "everyone";
            default:
                problems.add("listed must be yes, no, true, false or empty, not '" + Text.clip(listed, 20) + "'");
                return null;
        }
    }
}
