package org.convene.transfer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.convene.db.Database;
import org.convene.directory.Reference;
import org.convene.errors.ImportRejectedException;
import org.convene.organisations.Organisations;
import org.convene.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;

/** A fresh, empty directory database with the transfer services on it, for tests below the web layer. */
final class Directory implements AutoCloseable {
    final Database database;
    final Jdbi jdbi;
    final Reference reference;
    final Organisations organisations;
    final PeopleImport people;
    final OrganisationsImport organisationImport;
    final DirectoryExport export;

    Directory() {
        this.database = Database.open(TestDatabase.get().fresh());
        this.jdbi = database.jdbi();
        this.reference = new Reference(jdbi);
        this.organisations = new Organisations(jdbi);
        this.people = new PeopleImport(jdbi, reference);
        this.organisationImport = new OrganisationsImport(jdbi, reference, organisations);
        this.export = new DirectoryExport(jdbi);
    }

    ImportReport importPeople(String csv) {
        return people.run(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    ImportReport importOrganisations(String csv) {
        return organisationImport.run(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    ImportRejectedException peopleRejected(String csv) {
        try {
            importPeople(csv);
        } catch (ImportRejectedException e) {
            return e;
        }
        throw new AssertionError("expected the people import to be refused");
    }

    ImportRejectedException organisationsRejected(String csv) {
        try {
            importOrganisations(csv);
        } catch (ImportRejectedException e) {
            return e;
        }
        throw new AssertionError("expected the organisations import to be refused");
    }

    String export(DirectoryExport.What what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            export.write(what, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    long count(String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }

    static List<Long> lines(ImportRejectedException e) {
        return e.rows().stream().map(ImportRejectedException.Row::line).toList();
    }

    @Override
    public void close() {
        database.close();
    }
}
