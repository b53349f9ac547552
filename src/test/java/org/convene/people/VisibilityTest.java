package org.convene.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.convene.accounts.Role;
import org.convene.db.ChangeFeed;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.convene.transfer.PeopleImport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each person's choice of who sees their entry and their email address, checked through the
 * directory page, search, the API and the registrations export, for a member of the same
 * community, someone outside it, the person themselves and a programme lead.
 */
@Tag("db")
class VisibilityTest {
    private static TestApp app;
    private static Person open;
    private static Person communal;
    private static Person hidden;
    private static Person member;
    private static Person outsider;
    private static long community;

    @BeforeAll
    static void start() {
        app = TestApp.startWithoutJobs();
        People people = new People(app.jdbi(), ChangeFeed.polling(app.jdbi()));
        open = app.person("Olu Quillfeather", "olu@vis.example", "housing", Role.PARTICIPANT);
        communal = people.create(input("Cara Quillfeather", "cara@vis.example", "communities", "communities"));
        hidden = people.create(input("Hana Quillfeather", "hana@vis.example", "nobody", "nobody"));
        member = app.person("Mo Member", "mo@vis.example", "acute", Role.PARTICIPANT);
        outsider = app.person("Otto Outsider", "otto@vis.example", "primary", Role.PARTICIPANT);
        app.person("Lee Lead", "lee@vis.example", "acute", Role.PROGRAMME_LEAD);
        community = app.jdbi().withHandle(h -> h.createUpdate("INSERT INTO communities (name, problem) VALUES ('Warm homes', 'Cold homes')")
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        join(communal.id());
        join(member.id());
        join(hidden.id());
    }

    private static PersonInput input(String name, String email, String visibility, String emailVisibility) {
        return new PersonInput(name, email, "Warden", "", null, "housing", "Leeds", List.of(), "", "", "", "email",
                visibility, emailVisibility);
    }

    private static void join(long personId) {
        app.jdbi().useHandle(h -> h.createUpdate("INSERT INTO community_members (community_id, person_id) VALUES (:c, :p)")
                .bind("c", community).bind("p", personId).execute());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static List<String> found(String email) throws Exception {
        JsonNode page = WebClient.json(WebClient.api(app, "GET", "/api/v1/people?q=Quillfeather", app.token(email), null), 200);
        List<String> names = new ArrayList<>();
        page.get("items").forEach(i -> names.add(i.get("fullName").asText()));
        return names;
    }

    @Test
    void searchShowsEachEntryOnlyToThoseItsOwnerChose() throws Exception {
        assertThat(found("mo@vis.example")).containsExactlyInAnyOrder("Olu Quillfeather", "Cara Quillfeather");
        assertThat(found("otto@vis.example")).containsExactly("Olu Quillfeather");
        assertThat(found("lee@vis.example")).containsExactlyInAnyOrder("Olu Quillfeather", "Cara Quillfeather", "Hana Quillfeather");

        WebClient page = app.client();
        page.signIn("otto@vis.example", TestApp.PASSWORD);
        String directory = page.get("/people?q=Quillfeather").body();
        assertThat(directory).contains("Olu Quillfeather").doesNotContain("Cara Quillfeather").doesNotContain("Hana Quillfeather");
        String everything = page.get("/search?q=Quillfeather").body();
        assertThat(everything).contains("Olu Quillfeather").doesNotContain("Cara Quillfeather").doesNotContain("Hana Quillfeather");
        assertThat(page.get("/people/" + communal.id()).statusCode()).isEqualTo(404);
        assertThat(page.get("/people/" + hidden.id()).statusCode()).isEqualTo(404);
    }

    @Test
    void joiningACommunityShowsItsMembersAtOnceEvenAfterACachedSearch() throws Exception {
        Person late = app.person("Lina Late", "lina@vis.example", "vcse", Role.PARTICIPANT);
        assertThat(found("lina@vis.example")).containsExactly("Olu Quillfeather");
        join(late.id());
        assertThat(found("lina@vis.example")).containsExactlyInAnyOrder("Olu Quillfeather", "Cara Quillfeather");
    }

    @Test
    void emailAddressesFollowTheirOwnChoiceAndNeverGoWiderThanTheEntry() throws Exception {
        String memberToken = app.token("mo@vis.example");
        JsonNode cara = WebClient.json(WebClient.api(app, "GET", "/api/v1/people/" + communal.id(), memberToken, null), 200);
        assertThat(cara.get("email").asText()).isEqualTo("cara@vis.example");
        assertThat(cara.get("visibility").asText()).isEqualTo("communities");
        assertThat(WebClient.api(app, "GET", "/api/v1/people/" + communal.id(), app.token("otto@vis.example"), null).statusCode())
                .isEqualTo(404);

        // An entry for communities with an email for everyone is stored as communities for both.
        Person wide = new People(app.jdbi(), ChangeFeed.polling(app.jdbi())).create(input("Wyn Wide", "wyn@vis.example", "communities", "everyone"));
        assertThat(wide.emailVisibility()).isEqualTo(Visibility.COMMUNITIES);

        // Olu shows the entry to everyone but the email to nobody.
        String body = "{\"fullName\": \"Olu Quillfeather\", \"email\": \"olu@vis.example\", \"sector\": \"housing\", "
                + "\"visibility\": \"everyone\", \"emailVisibility\": \"nobody\"}";
        WebClient.json(WebClient.api(app, "PUT", "/api/v1/people/" + open.id(), app.token("olu@vis.example"), body), 200);
        JsonNode olu = WebClient.json(WebClient.api(app, "GET", "/api/v1/people/" + open.id(), memberToken, null), 200);
        assertThat(olu.get("email").isNull()).isTrue();
        JsonNode own = WebClient.json(WebClient.api(app, "GET", "/api/v1/people/" + open.id(), app.token("olu@vis.example"), null), 200);
        assertThat(own.get("email").asText()).isEqualTo("olu@vis.example");
        JsonNode lead = WebClient.json(WebClient.api(app, "GET", "/api/v1/people/" + open.id(), app.token("lee@vis.example"), null), 200);
        assertThat(lead.get("email").asText()).isEqualTo("olu@vis.example");
    }

    @Test
    void anEventsRegistrationsExportShowsOnlyTheEmailsEachRegistrantShowsTheHost() {
        long event = app.jdbi().withHandle(h -> h.createUpdate("INSERT INTO events (title, kind, starts_at, ends_at, host_id) "
                        + "VALUES ('Tea', 'social', now() + interval '1 day', now() + interval '1 day 1 hour', :host)")
                .bind("host", member.id()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        app.jdbi().useHandle(h -> {
            for (Person p : List.of(communal, hidden, outsider)) {
                h.createUpdate("INSERT INTO registrations (event_id, person_id, status) VALUES (:e, :p, 'confirmed')")
                        .bind("e", event).bind("p", p.id()).execute();
            }
        });
        org.convene.events.Events events = new org.convene.events.Events(app.jdbi(), "http://convene.test");
        org.convene.accounts.Viewer host = new org.convene.accounts.Viewer(99, "mo@vis.example", java.util.Set.of(Role.PARTICIPANT), member.id());
        String csv = events.csv(event, host);
        assertThat(csv).contains("Cara Quillfeather,cara@vis.example").contains("Hana Quillfeather,,").contains("Otto Outsider,otto@vis.example")
                .doesNotContain("hana@vis.example");
        org.convene.accounts.Viewer lead = new org.convene.accounts.Viewer(98, "lee@vis.example", java.util.Set.of(Role.PROGRAMME_LEAD), null);
        assertThat(events.csv(event, lead)).contains("hana@vis.example");
    }

    @Test
    void anUnknownLevelIsRefusedAndChangesNothing() throws Exception {
        String body = "{\"fullName\": \"Olu Quillfeather\", \"sector\": \"housing\", \"visibility\": \"friends\"}";
        var refused = WebClient.api(app, "PUT", "/api/v1/people/" + outsider.id(), app.token("otto@vis.example"),
                body.replace("Olu Quillfeather", "Otto Outsider"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("visibility").contains("everyone, communities or nobody");
        assertThat(new People(app.jdbi(), ChangeFeed.polling(app.jdbi())).get(outsider.id()).visibility()).isEqualTo(Visibility.EVERYONE);
    }

    @Test
    void theImportReadsVisibilityColumnsAndTheOlderListedColumn() {
        PeopleImport importer = new PeopleImport(app.jdbi(), new org.convene.directory.Reference(app.jdbi()));
        String csv = "full_name,email,sector,visibility,email_visibility,listed\n"
                + "Ivy Import,ivy@vis.example,housing,communities,everyone,\n"
                + "Ned Import,ned@vis.example,housing,,,yes\n"
                + "Zed Import,zed@vis.example,housing,,,\n";
        assertThat(importer.run(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))).imported()).isEqualTo(3);
        People people = new People(app.jdbi(), ChangeFeed.polling(app.jdbi()));
        Person ivy = people.get(people.idByEmail("ivy@vis.example").orElseThrow());
        assertThat(ivy.visibility()).isEqualTo(Visibility.COMMUNITIES);
        assertThat(ivy.emailVisibility()).isEqualTo(Visibility.COMMUNITIES);
        assertThat(people.get(people.idByEmail("ned@vis.example").orElseThrow()).visibility()).isEqualTo(Visibility.EVERYONE);
        assertThat(people.get(people.idByEmail("zed@vis.example").orElseThrow()).visibility()).isEqualTo(Visibility.NOBODY);
    }
}
