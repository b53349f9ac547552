package org.convene.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convene.accounts.Role;
import org.convene.testing.Multipart;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransferPagesTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private TestApp app;
    private WebClient browser;

    @BeforeEach
    void start() {
        app = TestApp.start();
        app.person("Pat Lead", "pat@test.example", "acute", Role.PROGRAMME_LEAD);
        browser = app.client();
        assertThat(browser.signIn("pat@test.example", TestApp.PASSWORD).statusCode()).isEqualTo(302);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private String csrf() {
        HttpResponse<String> page = browser.get("/transfer");
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> upload(String path, Multipart form) {
        return browser.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Content-Type", form.contentType())
                .POST(form.publisher()));
    }

    private long count(String table) {
        return app.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }

    @Test
    void thePageHasBothUploadFormsAndTheDownloads() {
        String body = browser.get("/transfer").body();
        assertThat(body).contains("<h1 class=\"govuk-heading-l\">Import and export</h1>")
                .contains("action=\"/transfer/people\" enctype=\"multipart/form-data\"")
                .contains("action=\"/transfer/organisations\" enctype=\"multipart/form-data\"")
                .contains("href=\"/transfer/people.csv\"").contains("href=\"/transfer/organisations.csv\"")
                .contains("href=\"/transfer/ties.csv\"");
    }

    @Test
    void anUploadIsImportedAndTheCountsShown() {
        String token = csrf();
        HttpResponse<String> organisations = upload("/transfer/organisations", new Multipart().field("_csrf", token)
                .file("file", "organisations.csv", "name,sector,place\nAcme Trust,acute,Leeds\nBeta Homes,housing,\n"));
        assertThat(organisations.statusCode()).isEqualTo(302);
        assertThat(organisations.headers().firstValue("Location")).hasValue("/transfer");
        assertThat(browser.get("/transfer").body()).contains("govuk-notification-banner--success").contains("Imported 2 organisations.");

        HttpResponse<String> people = upload("/transfer/people", new Multipart().field("_csrf", token)
                .file("file", "people.csv", "full_name,email,organisation\nAnn Lee,ann@example.org,Acme Trust\n"));
        assertThat(people.statusCode()).isEqualTo(302);
        assertThat(browser.get("/transfer").body()).contains("Imported 1 person.");
        assertThat(count("organisations")).isEqualTo(2);
        assertThat(count("people")).isEqualTo(2);
    }

    @Test
    void aRefusedUploadShowsAnErrorSummaryAndATableOfLines() {
        HttpResponse<String> page = upload("/transfer/people", new Multipart().field("_csrf", csrf())
                .file("file", "people.csv", "full_name,sector,email\nAnn,acute,\nBob,<b>mars</b>,\nCy,acute,pat@test.example\n"));
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body()).contains("<title>Error: Import and export – Convene</title>")
                .contains("govuk-error-summary")
                .contains("<a href=\"#people-file\">Nothing was imported. 2 rows have problems.</a>")
                .contains("id=\"people-file-error\"")
                .containsPattern("<td class=\"govuk-table__cell govuk-table__cell--numeric\">3</td>\\s*"
                        + "<td class=\"govuk-table__cell\">Unknown sector '&lt;b&gt;mars&lt;/b&gt;'</td>")
                .containsPattern("<td class=\"govuk-table__cell govuk-table__cell--numeric\">4</td>\\s*"
                        + "<td class=\"govuk-table__cell\">Someone in the directory already has the email pat@test.example.</td>")
                .doesNotContain("<b>mars</b>");
        assertThat(count("people")).isEqualTo(1);
    }

    @Test
    void aFileThatCannotBeReadIsExplained() {
        String token = csrf();
        HttpResponse<String> notUtf8 = upload("/transfer/organisations", new Multipart().field("_csrf", token)
                .file("file", "o.csv", "name,sector\nCaf\u00e9,acute\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        assertThat(notUtf8.statusCode()).isEqualTo(422);
        assertThat(notUtf8.body()).contains("Line 2: The file is not valid UTF-8 text from this line");

        HttpResponse<String> unknownColumn = upload("/transfer/organisations", new Multipart().field("_csrf", token)
                .file("file", "o.csv", "name,sector,colour\nAcme,acute,red\n"));
        assertThat(unknownColumn.body()).contains("Unknown column 'colour'. Known columns: name, sector, place");

        HttpResponse<String> empty = upload("/transfer/organisations", new Multipart().field("_csrf", token)
                .file("file", "o.csv", ""));
        assertThat(empty.body()).contains("The file is empty.");

        HttpResponse<String> noFile = upload("/transfer/people", new Multipart().field("_csrf", token).file("file", "", ""));
        assertThat(noFile.statusCode()).isEqualTo(422);
        assertThat(noFile.body()).contains("Choose a CSV file to upload");
        assertThat(count("organisations")).isZero();
    }

    @Test
    void aMalformedUploadIsA400AndTooMuchFormTextA413NotAServerError() {
        HttpResponse<String> nul = upload("/transfer/people", new Multipart().field("_csrf", csrf())
                .file("file", "people\u0000.csv", "full_name\nAda\n"));
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.body()).contains("Convene could not read the form or file that was sent");

        HttpResponse<String> long_ = upload("/transfer/people", new Multipart().field("_csrf", csrf())
                .field("note", "x".repeat(300_000)).file("file", "people.csv", "full_name\nAda\n"));
        assertThat(long_.statusCode()).isEqualTo(413);
        assertThat(long_.body()).contains("The text in the form is longer than Convene accepts");
        assertThat(count("people")).isEqualTo(1); // only Pat
    }

    @Test
    void anUploadAbove20MegabytesIsRefusedWith413() {
        HttpResponse<String> page = upload("/transfer/people", new Multipart().field("_csrf", csrf())
                .file("file", "people.csv", TransferApiTest.tooBig()));
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("The upload is too large").contains("20 MB");
        assertThat(count("people")).isEqualTo(1);
    }

    @Test
    void anUploadWithoutTheFormTokenIsRefused() {
        csrf();
        HttpResponse<String> forged = upload("/transfer/organisations", new Multipart()
                .file("file", "o.csv", "name,sector\nAcme,acute\n"));
        assertThat(forged.statusCode()).isEqualTo(403);
        HttpResponse<String> wrong = upload("/transfer/organisations", new Multipart().field("_csrf", "x".repeat(43))
                .file("file", "o.csv", "name,sector\nAcme,acute\n"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(count("organisations")).isZero();
    }

    @Test
    void downloadsAreAttachments() {
        HttpResponse<String> people = browser.get("/transfer/people.csv");
        assertThat(people.statusCode()).isEqualTo(200);
        assertThat(people.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(people.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"convene-people-" + LocalDate.now() + ".csv\"");
        assertThat(people.body()).startsWith("id,full_name,email,").contains("Pat Lead,pat@test.example");
        assertThat(browser.get("/transfer/organisations.csv").body()).startsWith("id,name,sector,place,people\r\n");
        assertThat(browser.get("/transfer/ties.csv").headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"convene-ties-" + LocalDate.now() + ".csv\"");
    }

    @Test
    void onlyTheProgrammeTeamMayUseIt() {
        app.person("Pam Participant", "pam@test.example", "acute", Role.PARTICIPANT);
        WebClient participant = app.client();
        participant.signIn("pam@test.example", TestApp.PASSWORD);
        assertThat(participant.get("/transfer").statusCode()).isEqualTo(403);
        assertThat(participant.get("/transfer/people.csv").statusCode()).isEqualTo(403);

        HttpResponse<String> anonymous = app.client().get("/transfer/people.csv");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/login"));
    }
}
