package org.convene.schemes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.accounts.Role;
import org.convene.people.Person;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A scheme through the web pages: a lead sets it up, people opt in, a round runs, a member answers and blocks. */
class SchemePagesTest {
    private static TestApp app;
    private static WebClient lead;
    private static final List<WebClient> members = new ArrayList<>();
    private static final List<Person> people = new ArrayList<>();

    @BeforeAll
    static void start() {
        app = TestApp.start();
        app.person("Lena Lead", "lena@pages.example", "local_authority", Role.PROGRAMME_LEAD);
        lead = app.client();
        lead.signIn("lena@pages.example", TestApp.PASSWORD);
        String[] sectors = {"acute", "primary", "housing", "vcse"};
        for (int i = 0; i < 4; i++) {
            people.add(app.person("Pat " + (char) ('A' + i), "pat" + i + "@pages.example", sectors[i], Role.PARTICIPANT));
            WebClient c = app.client();
            c.signIn("pat" + i + "@pages.example", TestApp.PASSWORD);
            members.add(c);
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aLeadRunsASchemeAndMembersTakePart() {
        lead.get("/schemes/new");
        HttpResponse<String> invalid = lead.post("/schemes", Map.of("name", "", "cadence", "yearly"));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("There is a problem").contains("Enter the scheme's name").contains("Choose how often rounds run");
        HttpResponse<String> created = lead.post("/schemes", Map.of("name", "Brew and Biscuits", "description", "Visits across sectors",
                "cadence", "monthly", "meetingMode", "either", "place", "", "nextRoundAt", "2030-01-06T10:00"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        long scheme = WebClient.idFrom(created, "/schemes/");
        assertThat(lead.get("/schemes/" + scheme).body()).contains("Brew and Biscuits").contains("Every month").contains("No rounds yet")
                .contains("Run the next round now");

        // Members opt in through the join form, which saves their matching details to their profile.
        for (int i = 0; i < members.size(); i++) {
            WebClient c = members.get(i);
            String form = c.get("/schemes/" + scheme + "/join").body();
            assertThat(form).contains("How would you like to meet?").contains("What I can offer");
            HttpResponse<String> joined = c.postPairs("/schemes/" + scheme + "/join", "meetingMode", i == 0 ? "in_person" : "either",
                    "sector", people.get(i).sectorCode(), "organisationId", "", "place", "Test Town", "interests", "Frailty", "otherInterests", "loneliness",
                    "offers", "Home visits", "asks", "Housing contacts");
            assertThat(joined.statusCode()).as(joined.body()).isEqualTo(302);
        }
        assertThat(members.get(0).get("/people/" + people.get(0).id()).body()).contains("loneliness").contains("Home visits");
        assertThat(members.get(0).get("/schemes/" + scheme).body()).contains("You will be matched in the next round");
        // Members do not see the dashboard or run rounds.
        assertThat(members.get(0).get("/schemes/" + scheme).body()).doesNotContain("Run the next round now");
        assertThat(members.get(0).post("/schemes/" + scheme + "/rounds", Map.of()).statusCode()).isEqualTo(403);

        HttpResponse<String> ran = lead.post("/schemes/" + scheme + "/rounds", Map.of());
        assertThat(ran.statusCode()).isEqualTo(302);
        long round = WebClient.idFrom(ran, "/rounds/");
        String roundPage = lead.get("/rounds/" + round).body();
        assertThat(roundPage).contains("Round 1").contains("2 pairs, 0 trios, 0 left out").contains("You both care about frailty and loneliness");

        // A member sees the match, answers, and blocks the other person.
        WebClient first = members.get(0);
        String matches = first.get("/matches").body();
        Matcher link = Pattern.compile("/matches/(\\d+)").matcher(matches);
        assertThat(link.find()).isTrue();
        long match = Long.parseLong(link.group(1));
        String page = first.get("/matches/" + match).body();
        assertThat(page).contains("Why you were matched").contains("Did you meet?").contains("Housing contacts");
        HttpResponse<String> bad = first.post("/matches/" + match, Map.of("met", "no", "rating", "5"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Rate the meeting only if you met");
        assertThat(first.post("/matches/" + match, Map.of("met", "yes", "rating", "4", "comment", "Lovely chat")).statusCode()).isEqualTo(302);
        assertThat(first.get("/matches").body()).contains("We met");
        Matcher other = Pattern.compile("name=\"personId\" value=\"(\\d+)\"").matcher(first.get("/matches/" + match).body());
        assertThat(other.find()).isTrue();
        assertThat(first.post("/matches/" + match + "/block", Map.of("personId", other.group(1))).statusCode()).isEqualTo(302);
        assertThat(first.get("/matches").body()).contains("Remove block");
        // Someone else's match is not found.
        long outsiderIndex = members.stream().filter(c -> !c.get("/matches/" + match).body().contains("How did it go?")).count();
        assertThat(outsiderIndex).isEqualTo(2);
        assertThat(lead.get("/schemes/" + scheme).body()).contains("Lovely chat").contains("Round 1");

        // Skip, pause and leave from the scheme page.
        WebClient second = members.get(1);
        assertThat(second.post("/schemes/" + scheme + "/membership", Map.of("action", "skip")).statusCode()).isEqualTo(302);
        assertThat(second.get("/schemes/" + scheme).body()).contains("You are skipping the next round");
        assertThat(second.post("/schemes/" + scheme + "/membership", Map.of("action", "pause")).statusCode()).isEqualTo(302);
        assertThat(second.get("/schemes/" + scheme).body()).contains("You have paused");
        assertThat(second.post("/schemes/" + scheme + "/membership", Map.of("action", "dance")).statusCode()).isEqualTo(400);
        assertThat(second.post("/schemes/" + scheme + "/membership", Map.of("action", "leave")).statusCode()).isEqualTo(302);
        assertThat(second.get("/schemes/" + scheme).body()).contains("You left this scheme").contains("Join again");
    }
}
