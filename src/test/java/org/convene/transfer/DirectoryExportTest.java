package org.convene.transfer;

import org.convene.db.ChangeFeed;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.convene.organisations.OrganisationInput;
import org.convene.people.People;
import org.convene.people.Person;
import org.convene.people.PersonInput;
import org.convene.ties.TieInput;
import org.convene.ties.Ties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DirectoryExportTest {
    private final Directory source = new Directory();

    @AfterEach
    void close() {
        source.close();
    }

    private Person person(String name, String email, Long organisationId, String sector, String place,
                          List<String> interests, String offers, String bio, String contact, boolean listed) {
        return new People(source.jdbi, ChangeFeed.polling(source.jdbi)).create(new PersonInput(name, email, "Lead, \"QI\" team", "nursing", organisationId,
                sector, place, interests, offers, "", bio, contact, listed ? "everyone" : "nobody", listed ? "everyone" : "nobody")
                .validated(source.reference, source.organisations, source.reference.topics()));
    }

    private static List<CSVRecord> parse(String csv) {
        try {
            return CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void fill() {
        long trust = source.organisations.create(new OrganisationInput("Leeds \"Teaching\" Hospitals, NHS", "acute", "Leeds")
                .validated(source.reference)).id();
        source.organisations.create(new OrganisationInput("=Formula Trust", "Lived experience (patients, carers, citizens)", "")
                .validated(source.reference));
        person("Zoë Ødegård", "zoe@example.org", trust, null, null, List.of("frailty", "My, own; topics"),
                "-5 minute favours", "Line one\nLine \"two\"\n\n=1+2", "video call", true);
        person("@handle", null, null, "housing", "Bradford", List.of(), "", "", "no contact", false);
        person("Plain Person", "plain@example.org", trust, "primary", "", List.of("dementia"), "+44 advice", "'Tis fine",
                "email", true);
    }

    @Test
    void peopleAreExportedWithTheImportColumnsAndIds() {
        fill();
        List<CSVRecord> records = parse(source.export(DirectoryExport.What.PEOPLE));
        assertThat(records.get(0).toList()).containsExactly("id", "full_name", "email", "job_title", "profession",
                "organisation_id", "organisation", "sector", "place", "interests", "offers", "asks", "bio",
                "contact_preference", "visibility", "email_visibility");
        assertThat(records).hasSize(4);
        CSVRecord zoe = records.get(1);
        assertThat(zoe.get(1)).isEqualTo("Zoë Ødegård");
        assertThat(zoe.get(3)).isEqualTo("Lead, \"QI\" team");
        assertThat(zoe.get(6)).isEqualTo("Leeds \"Teaching\" Hospitals, NHS");
        assertThat(zoe.get(7)).isEqualTo("acute");
        assertThat(zoe.get(8)).isEqualTo("Leeds");
        assertThat(zoe.get(9)).isEqualTo("frailty; My; own; topics");
        assertThat(zoe.get(13)).isEqualTo("video call");
        assertThat(zoe.get(14)).isEqualTo("everyone");
        assertThat(zoe.get(15)).isEqualTo("everyone");
        assertThat(records.get(2).get(14)).isEqualTo("nobody");
        assertThat(records.get(2).get(2)).isEmpty();
    }

    @Test
    void cellsThatWouldRunAsFormulasAreNeutralised() {
        fill();
        List<CSVRecord> people = parse(source.export(DirectoryExport.What.PEOPLE));
        assertThat(people.get(0).get(10)).isEqualTo("offers");
        assertThat(people.get(1).get(10)).isEqualTo("'-5 minute favours");
        assertThat(people.get(1).get(12)).isEqualTo("Line one\nLine \"two\"\n\n=1+2");
        assertThat(people.get(2).get(1)).isEqualTo("'@handle");
        assertThat(people.get(3).get(10)).isEqualTo("'+44 advice");
        assertThat(people.get(3).get(12)).isEqualTo("'Tis fine");
        List<CSVRecord> organisations = parse(source.export(DirectoryExport.What.ORGANISATIONS));
        assertThat(organisations.get(2).get(1)).isEqualTo("'=Formula Trust");
    }

    @Test
    void organisationsAreExportedWithHowManyPeopleWorkThere() {
        fill();
        List<CSVRecord> records = parse(source.export(DirectoryExport.What.ORGANISATIONS));
        assertThat(records.get(0).toList()).containsExactly("id", "name", "sector", "place", "people");
        assertThat(records.get(1).toList()).containsExactly(records.get(1).get(0), "Leeds \"Teaching\" Hospitals, NHS",
                "acute", "Leeds", "2");
        assertThat(records.get(2).toList().subList(1, 5)).containsExactly("'=Formula Trust", "lived_experience", "", "0");
    }

    @Test
    void tiesAreExportedWithBothNames() {
        fill();
        List<Long> ids = source.jdbi.withHandle(h -> h.createQuery("SELECT id FROM people ORDER BY id").mapTo(Long.class).list());
        new Ties(source.jdbi).record(new TieInput(ids.get(0), ids.get(1), "mentor", "import", "row 7", "=cmd", "2024-03-01")
                .validated("self_reported"), null);
        List<CSVRecord> records = parse(source.export(DirectoryExport.What.TIES));
        assertThat(records.get(0).toList()).containsExactly("id", "person_a", "person_a_name", "person_b", "person_b_name",
                "kind", "source", "source_ref", "note", "started_on", "ended_on");
        assertThat(records.get(1).toList().subList(1, 11)).containsExactly(String.valueOf(ids.get(0)), "Zoë Ødegård",
                String.valueOf(ids.get(1)), "'@handle", "mentor", "import", "row 7", "'=cmd", "2024-03-01", "");
    }

    @Test
    void anExportedDirectoryReimportsIntoAnEmptyDatabaseUnchanged() {
        fill();
        String organisations = source.export(DirectoryExport.What.ORGANISATIONS);
        String people = source.export(DirectoryExport.What.PEOPLE);
        try (Directory empty = new Directory()) {
            assertThat(empty.count("people")).isZero();
            assertThat(empty.importOrganisations(organisations).imported()).isEqualTo(2);
            assertThat(empty.importPeople(people).imported()).isEqualTo(3);
            assertThat(withoutIds(empty.export(DirectoryExport.What.PEOPLE))).isEqualTo(withoutIds(people));
            assertThat(withoutIds(empty.export(DirectoryExport.What.ORGANISATIONS))).isEqualTo(withoutIds(organisations));
        }
    }

    @Test
    void anExportOfAnEmptyDirectoryIsJustTheHeader() {
        assertThat(source.export(DirectoryExport.What.TIES))
                .isEqualTo("id,person_a,person_a_name,person_b,person_b_name,kind,source,source_ref,note,started_on,ended_on\r\n");
    }

    /** Every row without the columns that are database ids (they differ between databases by design). */
    private static List<List<String>> withoutIds(String csv) {
        List<CSVRecord> records = parse(csv);
        List<String> header = records.get(0).toList();
        return records.stream().map(r -> {
            List<String> cells = new java.util.ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                if (!header.get(i).equals("id") && !header.get(i).equals("organisation_id")) {
                    cells.add(r.get(i));
                }
            }
            return cells;
        }).toList();
    }
}
