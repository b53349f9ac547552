package org.convene.people;

import org.convene.db.ChangeFeed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.convene.accounts.Viewer;
import org.convene.demo.DemoData;
import org.convene.testing.TestApp;
import org.convene.web.Paged;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("db")
class DirectorySearchTest {
    private static TestApp app;
    private static People people;
    private static final Viewer PARTICIPANT = new Viewer(1, "p@test.example", java.util.Set.of(org.convene.accounts.Role.PARTICIPANT), null);

    @BeforeAll
    static void start() {
        app = TestApp.start();
        DemoData.load(app.jdbi(), 11, 1500, false);
        people = new People(app.jdbi(), ChangeFeed.polling(app.jdbi()));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Paged<PersonSummary> search(String text, String sector, String interest, int page) {
        return people.search(new DirectoryQuery(text, sector, null, null, interest, null, page, 20), PARTICIPANT);
    }

    @Test
    void upToTheCapResultsComeInNameOrderWithAnExactCount() {
        Paged<PersonSummary> housing = search("", "housing", null, 1);
        long expected = app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM people WHERE visibility = 'everyone' AND sector_code = 'housing'")
                .mapTo(Long.class).one());
        assertThat(housing.total()).isEqualTo(expected).isLessThanOrEqualTo(People.COUNT_CAP);
        assertThat(housing.totalCapped()).isFalse();
        List<String> names = housing.items().stream().map(p -> p.fullName().toLowerCase()).toList();
        assertThat(names).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(housing.items()).allMatch(p -> p.sectorCode().equals("housing"));
    }

    @Test
    void beyondTheCapResultsComeNewestFirstAndPagesDoNotOverlap() {
        Paged<PersonSummary> first = search("", null, null, 1);
        Paged<PersonSummary> second = search("", null, null, 2);
        assertThat(first.totalCapped()).isTrue();
        assertThat(first.total()).isEqualTo(People.COUNT_CAP);
        assertThat(first.items()).extracting(PersonSummary::id).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(first.items().get(19).id()).isGreaterThan(second.items().get(0).id());
    }

    @Test
    void textAndFiltersCombine() {
        Paged<PersonSummary> result = search("nurs", "community", "frailty", 1);
        assertThat(result.items()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.sectorCode()).isEqualTo("community");
            assertThat(p.interests()).contains("frailty");
            assertThat(p.profession().toLowerCase() + " " + p.jobTitle().toLowerCase()).contains("nurs");
        });
    }

    @Test
    void unlistedPeopleNeverAppearToOthers() {
        long unlisted = app.jdbi().withHandle(h -> h.createQuery("SELECT id FROM people WHERE NOT listed LIMIT 1").mapTo(Long.class).one());
        for (int page = 1; page <= 5; page++) {
            assertThat(search("", null, null, page).items()).extracting(PersonSummary::id).doesNotContain(unlisted);
        }
    }

    @Test
    void aCachedSearchNeverOutlivesAChangeMadeByAnotherInstance() {
        Paged<PersonSummary> before = search("", "ambulance", null, 1);
        PersonSummary first = before.items().get(0);
        People otherInstance = new People(app.jdbi(), ChangeFeed.polling(app.jdbi()));
        Person person = otherInstance.get(first.id());
        otherInstance.update(person.id(), new PersonInput(person.fullName(), person.email(), person.jobTitle(), person.profession(),
                person.organisationId(), person.sectorCode(), person.placeName(), person.interests(), person.offers(), person.asks(),
                person.bio(), person.contactPreference(), "nobody", "nobody"));
        Paged<PersonSummary> after = search("", "ambulance", null, 1);
        assertThat(after.items()).extracting(PersonSummary::id).doesNotContain(first.id());
        assertThat(after.total()).isEqualTo(before.total() - 1);
    }

    @Test
    void anEmailWithControlCharactersIsLookedUpCleanedNotSentToTheDatabaseAsItIs() {
        String email = app.jdbi().withHandle(h -> h.createQuery("SELECT email FROM people WHERE email IS NOT NULL ORDER BY id LIMIT 1")
                .mapTo(String.class).one());
        assertThat(people.idByEmail("a\u0000b@test.example")).isEmpty();
        assertThat(people.idByEmail(" " + email.toUpperCase() + "\u0000\u0007 ")).isPresent();
    }
}
