package org.convene.transfer;

import org.convene.db.ChangeFeed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.convene.errors.ImportRejectedException;
import org.convene.organisations.OrganisationInput;
import org.convene.people.People;
import org.convene.people.Person;
import org.convene.people.PersonInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeopleImportTest {
    private static final String HEADER = "full_name,email,job_title,profession,organisation,sector,place,interests,offers,asks,bio,contact_preference,listed\n";
    private final Directory directory = new Directory();

    @AfterEach
    void close() {
        directory.close();
    }

    private static String rows(int n) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= n; i++) {
            csv.append("Person ").append(i).append(",person").append(i).append("@example.org,Nurse,nursing,,acute,Leeds,")
                    .append("frailty;Digital Inclusion,,,,email,yes\n");
        }
        return csv.toString();
    }

    @Test
    void aGoodFileIsStoredWithItsFieldsCleaned() {
        ImportReport report = directory.importPeople(HEADER
                + "  Amara   Okafor ,AMARA@example.org,Care coordinator,social work,,Adult social care,South Leeds,"
                + "\"frailty; Loneliness and isolation ;my own topic\",Mentoring,Data help,\"Line one\nLine two\",phone,Yes\n"
                + "Ben Hall,,,,,primary,,,,,,,\n");
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.summary()).isEqualTo("Imported 2 people.");
        List<Person> stored = directory.jdbi.withHandle(h -> h.createQuery("SELECT id FROM people ORDER BY id")
                .mapTo(Long.class).list()).stream().map(id -> new People(directory.jdbi, ChangeFeed.polling(directory.jdbi)).get(id)).toList();
        Person amara = stored.get(0);
        assertThat(amara.fullName()).isEqualTo("Amara Okafor");
        assertThat(amara.sectorCode()).isEqualTo("adult_social_care");
        assertThat(amara.placeName()).isEqualTo("South Leeds");
        assertThat(amara.interests()).containsExactly("frailty", "loneliness and isolation", "my own topic");
        assertThat(amara.bio()).isEqualTo("Line one\nLine two");
        assertThat(amara.contactPreference()).isEqualTo("phone");
        assertThat(amara.listed()).isTrue();
        Person ben = stored.get(1);
        assertThat(ben.email()).isNull();
        assertThat(ben.listed()).isFalse();
        assertThat(ben.contactPreference()).isEqualTo("email");
    }

    @Test
    void onlyFullNameAndSectorAreNeeded() {
        assertThat(directory.importPeople("Full_Name , SECTOR\nAnn Lee,housing\n").imported()).isEqualTo(1);
    }

    @Test
    void oneBadRowInFiftyStoresNothingAndNamesItsLine() {
        String good = rows(50);
        String[] lines = good.split("\n");
        // line 38 of the file is the 37th data row
        lines[37] = lines[37].replace(",acute,", ",astrology,");
        lines[12] = lines[12].replaceFirst("^Person 12", "");
        ImportRejectedException e = directory.peopleRejected(String.join("\n", lines) + "\n");
        assertThat(Directory.lines(e)).containsExactly(13L, 38L);
        assertThat(e.rows().get(0).message()).isEqualTo("Enter a full name");
        assertThat(e.rows().get(1).message()).isEqualTo("Unknown sector 'astrology'");
        assertThat(e.getMessage()).isEqualTo("Nothing was imported. 2 rows have problems.");
        assertThat(directory.count("people")).isZero();
        assertThat(directory.count("places")).as("no place created either").isZero();

        assertThat(directory.importPeople(good).imported()).isEqualTo(50);
        assertThat(directory.count("people")).isEqualTo(50);
    }

    @Test
    void everyProblemOfARowIsReportedTogether() {
        ImportRejectedException e = directory.peopleRejected(HEADER + ",not-an-email,,,,,,,,,,fax,maybe\n");
        assertThat(e.rows()).hasSize(1);
        assertThat(e.rows().get(0).message()).contains("listed must be yes, no, true, false or empty, not 'maybe'")
                .contains("Enter a full name").contains("Enter an email address").contains("Choose a sector")
                .contains("Contact preference must be one of");
    }

    @Test
    void theSameEmailTwiceInTheFileIsAnError() {
        ImportRejectedException e = directory.peopleRejected("full_name,email,sector\n"
                + "Ann,ann@example.org,acute\nBob,bob@example.org,acute\nAnnie,ANN@Example.org,primary\n");
        assertThat(e.rows()).containsExactly(new ImportRejectedException.Row(4, "The email ANN@Example.org is also on line 2."));
        assertThat(directory.count("people")).isZero();
    }

    @Test
    void anEmailAlreadyInTheDirectoryIsAnError() {
        new People(directory.jdbi, ChangeFeed.polling(directory.jdbi)).create(new PersonInput("Ann", "ann@example.org", "", "", null, "acute", "",
                List.of(), "", "", "", "email", "everyone", "everyone"));
        ImportRejectedException e = directory.peopleRejected("full_name,email,sector\n"
                + "Bob,bob@example.org,acute\nAnn Again,Ann@Example.ORG,acute\n");
        assertThat(e.rows()).containsExactly(
                new ImportRejectedException.Row(3, "Someone in the directory already has the email Ann@Example.ORG."));
        assertThat(directory.count("people")).isEqualTo(1);
    }

    @Test
    void anOrganisationByNameGivesItsSectorAndPlace() {
        directory.organisations.create(new OrganisationInput("Leeds Teaching Hospitals", "acute", "Leeds").validated(directory.reference));
        directory.importPeople("full_name,organisation,sector,place\n"
                + "Ann,leeds teaching hospitals,,\nBob,Leeds Teaching Hospitals,housing,Wakefield\n");
        Map<String, Person> byName = directory.jdbi.withHandle(h -> h.createQuery("SELECT id FROM people").mapTo(Long.class).list())
                .stream().map(id -> new People(directory.jdbi, ChangeFeed.polling(directory.jdbi)).get(id))
                .collect(java.util.stream.Collectors.toMap(Person::fullName, p -> p));
        assertThat(byName.get("Ann").organisationName()).isEqualTo("Leeds Teaching Hospitals");
        assertThat(byName.get("Ann").sectorCode()).isEqualTo("acute");
        assertThat(byName.get("Ann").placeName()).isEqualTo("Leeds");
        assertThat(byName.get("Bob").sectorCode()).isEqualTo("housing");
        assertThat(byName.get("Bob").placeName()).isEqualTo("Wakefield");
    }

    @Test
    void anUnknownOrganisationIsReportedOnceNotAlsoAsAMissingSector() {
        ImportRejectedException e = directory.peopleRejected("full_name,organisation,sector\nAnn,Nowhere Trust,\n");
        assertThat(e.rows().get(0).message())
                .isEqualTo("There is no organisation called 'Nowhere Trust'. Add it, or import organisations before people.");
    }

    @Test
    void rowsOfTheWrongWidthAreReportedWithTheOthers() {
        ImportRejectedException e = directory.peopleRejected("full_name,sector\nAnn,acute\nBob,Smith,acute\nCy,mars\n");
        assertThat(Directory.lines(e)).containsExactly(3L, 4L);
        assertThat(e.rows().get(0).message()).contains("3 values, but the header has 2 columns");
    }

    @Test
    void lineNumbersCountTheLinesInsideQuotedValues() {
        ImportRejectedException e = directory.peopleRejected("full_name,sector,bio\n"
                + "Ann,acute,\"First line\nsecond line\nthird line\"\nBob,mars,\n");
        assertThat(Directory.lines(e)).containsExactly(5L);
    }

    @Test
    void onlyTheFirstHundredProblemsAreListedWithACountOfTheRest() {
        StringBuilder csv = new StringBuilder("full_name,sector\n");
        for (int i = 0; i < 250; i++) {
            csv.append("Person ").append(i).append(",nowhere\n");
        }
        ImportRejectedException e = directory.peopleRejected(csv.toString());
        assertThat(e.rows()).hasSize(100);
        assertThat(e.rows().get(0).line()).isEqualTo(2);
        assertThat(e.rows().get(99).line()).isEqualTo(101);
        assertThat(e.more()).isEqualTo(150);
        assertThat(e.getMessage()).isEqualTo("Nothing was imported. 250 rows have problems (the first 100 are listed).");
    }
}
