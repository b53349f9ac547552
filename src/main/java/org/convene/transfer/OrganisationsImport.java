package org.convene.transfer;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.convene.directory.Reference;
import org.convene.errors.ConflictException;
import org.convene.errors.ImportRejectedException;
import org.convene.errors.ValidationException;
import org.convene.organisations.OrganisationInput;
import org.convene.organisations.Organisations;
import org.convene.web.Text;
import org.jdbi.v3.core.Jdbi;

/**
 * Imports organisations from CSV (name, sector, place), all or nothing: every row is checked by
 * {@link OrganisationInput#validated} and against the file's other rows and the stored
 * organisations first; only a file without problems is stored, in one transaction.
 */
public final class OrganisationsImport {
    static final Columns COLUMNS = new Columns(List.of("name", "sector", "place"), List.of("name", "sector"),
            List.of("id", "people"));
    private final Jdbi jdbi;
    private final Reference reference;
    private final Organisations organisations;

    public OrganisationsImport(Jdbi jdbi, Reference reference, Organisations organisations) {
        this.jdbi = jdbi;
        this.reference = reference;
        this.organisations = organisations;
    }

    public ImportReport run(InputStream csv) {
        CsvImport.Sheet sheet = CsvImport.read(csv, COLUMNS);
        RowErrors errors = new RowErrors();
        List<Lined<OrganisationInput>> valid = new ArrayList<>();
        Map<String, Long> lineByName = new HashMap<>();
        for (CsvRow row : sheet.rows()) {
            if (row.problem() != null) {
                errors.add(row.line(), row.problem());
                continue;
            }
            OrganisationInput input;
            try {
                input = new OrganisationInput(row.get("name"), row.get("sector"), row.get("place")).validated(reference);
            } catch (ValidationException e) {
                errors.add(row.line(), e);
                continue;
            }
            Long first = lineByName.putIfAbsent(input.name().toLowerCase(Locale.ROOT), row.line());
            if (first != null) {
                errors.add(row.line(), "'" + Text.clip(input.name(), 80) + "' is also on line " + first + ".");
                continue;
            }
            valid.add(new Lined<>(row.line(), input));
        }
        Set<String> stored = StoredNames.organisations(jdbi, valid.stream().map(v -> v.value().name()).toList());
        for (Lined<OrganisationInput> v : valid) {
            if (stored.contains(v.value().name())) {
                errors.add(v.line(), "An organisation called '" + Text.clip(v.value().name(), 80) + "' already exists.");
            }
        }
        errors.throwIfAny();
        jdbi.useTransaction(h -> {
            for (Lined<OrganisationInput> v : valid) {
                try {
                    organisations.insert(h, v.value());
                } catch (ConflictException e) {
                    // Stored by someone else since the check above; the transaction rolls back.
                    throw ImportRejectedException.atLine(v.line(), e.getMessage());
                }
            }
        });
        return ImportReport.organisations(valid.size());
    }
}
