package org.convene.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.convene.accounts.Role;
import org.convene.people.Person;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A project through the web pages, as plain forms: start it, build the team, add a measure and its data, a PDSA cycle, confirm the score. */
class ProjectPagesTest {
    private static TestApp app;
    private static WebClient nia;
    private static WebClient carl;
    private static Person carlPerson;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        app.person("Nia Nurse", "nia@pages.example", "acute", Role.PARTICIPANT);
        carlPerson = app.person("Carl Adviser", "carl@pages.example", "vcse", Role.PARTICIPANT);
        nia = app.client();
        nia.signIn("nia@pages.example", TestApp.PASSWORD);
        carl = app.client();
        carl.signIn("carl@pages.example", TestApp.PASSWORD);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aParticipantRunsAProjectThroughThePages() {
        assertThat(nia.get("/projects?q=warm").body()).contains("No projects match").contains("Start a project");
        nia.get("/projects/new");
        HttpResponse<String> invalid = nia.post("/projects", Map.of("title", "", "status", "planning", "endsOn", "tomorrow"));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("There is a problem").contains("Enter the project's title").contains("YYYY-MM-DD");
        HttpResponse<String> created = nia.post("/projects", Map.of("title", "Warm homes", "summary", "Cold, damp homes",
                "aim", "Halve COPD readmissions by March", "status", "active", "place", "", "startsOn", "2025-01-06", "endsOn", "",
                "cohortId", ""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        long id = WebClient.idFrom(created, "/projects/");
        String page = nia.get("/projects/" + id).body();
        assertThat(page).contains("Warm homes").contains("Halve COPD readmissions by March").contains("Nia Nurse")
                .contains("Change the team").contains("Add a measure").contains("The data suggest 0.5");

        // Someone outside the team reads it but cannot change it.
        String outside = carl.get("/projects/" + id).body();
        assertThat(outside).contains("Warm homes").doesNotContain("Change the team").doesNotContain("Confirm score");
        assertThat(carl.get("/projects/" + id + "/edit").statusCode()).isEqualTo(403);
        assertThat(carl.post("/projects/" + id + "/measures", Map.of("name", "Sneaky", "kind", "outcome", "better", "lower")).statusCode())
                .isEqualTo(403);

        // The team: find Carl in the directory and add him.
        String team = nia.get("/projects/" + id + "/team?find=Carl").body();
        assertThat(team).contains("People matching").contains("Carl Adviser");
        assertThat(nia.post("/projects/" + id + "/team", Map.of("personId", String.valueOf(carlPerson.id()), "role", "member")).statusCode())
                .isEqualTo(302);
        assertThat(nia.get("/projects/" + id + "/team").body()).contains("Carl Adviser").contains("Remove<span class=\"govuk-visually-hidden\"> Carl");
        assertThat(nia.post("/projects/" + id + "/team", Map.of("personId", "", "role", "member")).body()).contains("Choose someone");
        assertThat(carl.get("/projects/" + id).body()).contains("Change the team").contains("Confirm score");

        // A measure and its data, one value at a time and from a file.
        nia.get("/projects/" + id + "/measures/new");
        HttpResponse<String> badMeasure = nia.post("/projects/" + id + "/measures", Map.of("name", "Readmissions", "kind", "output",
                "better", "lower", "baselinePoints", "six"));
        assertThat(badMeasure.statusCode()).isEqualTo(422);
        assertThat(badMeasure.body()).contains("The value must be a number");
        HttpResponse<String> measure = nia.post("/projects/" + id + "/measures", Map.of("name", "Readmissions", "kind", "outcome",
                "better", "lower", "unit", "per month", "definition", "", "baselinePoints", "6"));
        assertThat(measure.statusCode()).as(measure.body()).isEqualTo(302);
        long measureId = WebClient.idFrom(measure, "/measures/");
        assertThat(nia.get("/measures/" + measureId).body()).contains("No data yet").contains("Import values");
        assertThat(nia.post("/measures/" + measureId + "/points", Map.of("date", "2025-01-01", "value", "9", "note", "")).statusCode())
                .isEqualTo(302);
        HttpResponse<String> twice = nia.post("/measures/" + measureId + "/points", Map.of("date", "2025-01-01", "value", "8", "note", ""));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("There is already a value for 1 January 2025");
        assertThat(upload(nia, "/measures/" + measureId + "/points.csv", "date,value\n2025-02-01,ten\n").body())
                .contains("The file was not imported").contains("Line 2");
        HttpResponse<String> imported = upload(nia, "/measures/" + measureId + "/points.csv",
                "date,value\n2025-02-01,10\n2025-03-01,8\n2025-04-01,9\n2025-05-01,11\n2025-06-01,9\n2025-07-01,5\n2025-08-01,4\n"
                        + "2025-09-01,5\n2025-10-01,6\n2025-11-01,4\n2025-12-01,5\n");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(302);
        String chart = nia.get("/measures/" + measureId).body();
        assertThat(chart).contains("<svg").contains("<title id=\"run-chart-" + measureId + "-title\">Readmissions</title>")
                .contains("<desc id=\"run-chart-" + measureId + "-desc\">Run chart of 12 points")
                .contains("Shift: 6 points below the median (improving)").contains("class=\"point shift\"")
                .contains("<th scope=\"col\" class=\"govuk-table__header\">Rules that fire</th>");

        // A PDSA cycle, then the score the data suggest, confirmed by the team.
        nia.get("/projects/" + id + "/cycles/new");
        HttpResponse<String> badCycle = nia.post("/projects/" + id + "/cycles", Map.of("title", "Joint visits", "plan", "Visit together",
                "prediction", "", "act", "adopt"));
        assertThat(badCycle.statusCode()).isEqualTo(422);
        assertThat(badCycle.body()).contains("say what you predict").contains("Study the results");
        assertThat(nia.post("/projects/" + id + "/cycles", Map.of("title", "Joint visits", "plan", "Visit together", "prediction", "Grants",
                "doNotes", "Twelve homes", "study", "Seven grants", "act", "adopt", "startsOn", "", "endsOn", "")).statusCode()).isEqualTo(302);
        page = nia.get("/projects/" + id).body();
        assertThat(page).contains("Joint visits").contains("Act: Adopt").contains("The data suggest 4.0: Significant improvement")
                .contains("Next: 4.5 needs the improvement to hold");
        assertThat(nia.post("/projects/" + id + "/scores", Map.of("score", "7", "note", "")).statusCode()).isEqualTo(422);
        assertThat(nia.post("/projects/" + id + "/scores", Map.of("score", "3.5", "note", "Early days")).statusCode()).isEqualTo(302);
        assertThat(nia.get("/projects/" + id).body()).contains("3.5: Improvement").contains("Confirmed by Nia Nurse").contains("Early days");

        // The list shows it, with filters that also work as plain links.
        assertThat(carl.get("/projects?q=warm&kind=outcome").body()).contains("1 project matches").contains("Progress score 3.5");
        assertThat(carl.get("/projects?q=warm&status=stopped").body()).contains("No projects match");
        HttpResponse<String> fragment = carl.send(HttpRequest.newBuilder(URI.create(app.url("/projects?q=warm"))).header("HX-Request", "true").GET());
        assertThat(fragment.body()).startsWith("<div id=\"results\">").doesNotContain("<html");
    }

    @Test
    void aPresentationIsALinkOrASmallFileOfAKnownType() {
        nia.get("/projects/new");
        long id = WebClient.idFrom(nia.post("/projects", Map.of("title", "Slides", "status", "planning")), "/projects/");
        nia.get("/projects/" + id);
        assertThat(multipart(nia, "/projects/" + id + "/presentation", "", "notes.exe", "MZ").statusCode()).isEqualTo(422);
        assertThat(multipart(nia, "/projects/" + id + "/presentation", "https://example.org/s", "slides.pdf", "%PDF").body())
                .contains("Give either a link or a file");
        assertThat(multipart(nia, "/projects/" + id + "/presentation", "", "final slides.pdf", "%PDF-1.4 demo").statusCode()).isEqualTo(302);
        assertThat(nia.get("/projects/" + id).body()).contains("Download final slides.pdf");
        HttpResponse<String> download = carl.get("/projects/" + id + "/presentation");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        assertThat(download.body()).isEqualTo("%PDF-1.4 demo");
        assertThat(carl.post("/projects/" + id + "/presentation/remove", Map.of()).statusCode()).isEqualTo(403);
        assertThat(nia.post("/projects/" + id + "/presentation/remove", Map.of()).statusCode()).isEqualTo(302);
        assertThat(carl.get("/projects/" + id + "/presentation").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> upload(WebClient client, String path, String csv) {
        return multipart(client, path, null, "data.csv", csv);
    }

    /** A multipart form with the page's CSRF token, an optional url field and one file. */
    private static HttpResponse<String> multipart(WebClient client, String path, String url, String fileName, String content) {
        String page = client.get(path.replaceAll("/(points\\.csv|presentation)$", "")).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        String boundary = "----convene" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n").append(m.group(1)).append("\r\n");
        if (url != null) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"url\"\r\n\r\n").append(url).append("\r\n");
        }
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"").append(fileName)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content).append("\r\n--").append(boundary).append("--\r\n");
        return client.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }
}
