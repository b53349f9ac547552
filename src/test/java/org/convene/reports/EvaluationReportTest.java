package org.convene.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.convene.accounts.Role;
import org.convene.cli.ConveneCommand;
import org.convene.demo.ProgrammeDemo;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.convene.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The report through the page, the PDF, the data download, the API and the command line. */
class EvaluationReportTest {
    private static TestApp app;
    private static ProgrammeDemo.Loaded run;
    private static WebClient lead;
    private static String leadToken;
    private static final List<Long> cohort = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        app.person("Lou Lead", "lou@test.example", "local_authority", Role.PROGRAMME_LEAD);
        app.person("Sam Sponsor", "sam@test.example", "acute", Role.SPONSOR);
        app.person("Pia Participant", "pia@test.example", "housing", Role.PARTICIPANT);
        String[] sectors = {"acute", "mental_health", "community", "primary", "adult_social_care", "vcse"};
        for (int i = 0; i < 30; i++) {
            cohort.add(app.person("Cohort member " + i, "member" + i + "@test.example", sectors[i % sectors.length]).id());
        }
        run = new ProgrammeDemo(app.jdbi()).load(7, "Report cohort", cohort, null, LocalDate.of(2025, 2, 4));
        lead = app.client();
        lead.signIn("lou@test.example", TestApp.PASSWORD);
        leadToken = app.token("lou@test.example");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** A download as bytes: checked through the signed-in page, then fetched from the API beside it. */
    private static HttpResponse<byte[]> bytes(WebClient client, String path) {
        HttpResponse<String> page = client.get(path);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.url("/api/v1" + path)))
                    .header("Authorization", "Bearer " + leadToken).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theReportPageShowsEverySectionWithCharts() {
        HttpResponse<String> page = lead.get("/cohorts/" + run.cohortId() + "/report");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Evaluation report: " + ProgrammeDemo.PROGRAMME, "Participation and attendance",
                "Response rates", "Confidence before and after", "Then-test", "Module feedback", "Sentiment of comments",
                "Themes and quotes", "Connections made", "More time for group work", "Projects started",
                "id=\"chart-confidence\"", "id=\"chart-trends\"", "id=\"chart-attendance\"");
        WebClient sponsor = app.client();
        sponsor.signIn("sam@test.example", TestApp.PASSWORD);
        assertThat(sponsor.get("/cohorts/" + run.cohortId() + "/report").statusCode()).isEqualTo(200);
        WebClient participant = app.client();
        participant.signIn("pia@test.example", TestApp.PASSWORD);
        assertThat(participant.get("/cohorts/" + run.cohortId() + "/report").statusCode()).isEqualTo(403);
        assertThat(lead.get("/cohorts/999999/report").statusCode()).isEqualTo(404);
    }

    @Test
    void thePdfHasTheSameFiguresAsTheJsonAndItsCharts() throws Exception {
        JsonNode json = Json.MAPPER.readTree(WebClient.api(app, "GET", "/api/v1/cohorts/" + run.cohortId() + "/report", leadToken, null).body());
        HttpResponse<byte[]> pdf = bytes(lead, "/cohorts/" + run.cohortId() + "/report.pdf");
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", ".pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Evaluation report", "Report cohort", "Confidence before and after", "More time for group work");
            JsonNode first = json.get("confidence").get(0).get("prePost");
            assertThat(text).contains(String.format(java.util.Locale.UK, "%.2f", first.get("meanBefore").asDouble()),
                    String.format(java.util.Locale.UK, "%.2f", first.get("meanAfter").asDouble()));
            List<String> figures = new ArrayList<>();
            figures(doc.getDocumentCatalog().getStructureTreeRoot(), figures);
            assertThat(figures).as("charts drawn as figures with their titles as alternative text")
                    .anySatisfy(f -> assertThat(f).contains("Confidence at the baseline, looking back (then) and at the end"))
                    .anySatisfy(f -> assertThat(f).contains("Module feedback items, module by module"));
            assertThat(text).contains(json.get("participation").get("enrolled").asText());
        }
    }

    @Test
    void everyConfidenceFigureCanBeRecomputedFromTheDataDownload() throws Exception {
        String csv = new String(bytes(lead, "/cohorts/" + run.cohortId() + "/report-data.csv").body(), java.nio.charset.StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
        assertThat(rows).isNotEmpty();
        assertThat(csv).doesNotContain("Cohort member", "@test.example");
        assertThat(rows).filteredOn(r -> r.get("item_kind").equals("text")).allSatisfy(r -> assertThat(r.get("respondent")).isEmpty());

        JsonNode json = Json.MAPPER.readTree(WebClient.api(app, "GET", "/api/v1/cohorts/" + run.cohortId() + "/report", leadToken, null).body());
        JsonNode item = json.get("confidence").get(2);
        String code = item.get("code").asText();
        Map<String, Integer> before = new HashMap<>();
        Map<String, Integer> after = new HashMap<>();
        for (CSVRecord r : rows) {
            if (r.get("item").equals(code) && r.get("survey_kind").equals("baseline")) {
                before.put(r.get("respondent"), Integer.parseInt(r.get("value")));
            }
            if (r.get("item").equals(code) && r.get("survey_kind").equals("end")) {
                after.put(r.get("respondent"), Integer.parseInt(r.get("value")));
            }
        }
        double sum = 0;
        int n = 0;
        for (Map.Entry<String, Integer> e : before.entrySet()) {
            if (after.containsKey(e.getKey())) {
                sum += after.get(e.getKey()) - e.getValue();
                n++;
            }
        }
        assertThat(n).isEqualTo(item.get("prePostPairs").asInt());
        assertThat(sum / n).isCloseTo(item.get("prePost").get("meanChange").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aSurveyWithFewerThanFiveResponsesAddsNothingToTheReport() throws Exception {
        ProgrammeDemo.Loaded run = new ProgrammeDemo(app.jdbi()).load(8, "Cohort with a quiet module", cohort, null, LocalDate.of(2025, 9, 2));
        long small = app.jdbi().withHandle(h -> h.createQuery("SELECT id FROM surveys WHERE cohort_id = :c AND kind = 'module_feedback' "
                + "ORDER BY id LIMIT 1").bind("c", run.cohortId()).mapTo(Long.class).one());
        app.jdbi().useHandle(h -> h.createUpdate("DELETE FROM survey_responses WHERE id IN (SELECT id FROM survey_responses "
                + "WHERE survey_id = :s ORDER BY id OFFSET 3)").bind("s", small).execute());
        {
            JsonNode json = Json.MAPPER.readTree(WebClient.api(app, "GET", "/api/v1/cohorts/" + run.cohortId() + "/report", leadToken, null).body());
            JsonNode rate = null;
            for (JsonNode r : json.get("responseRates")) {
                if (r.get("surveyId").asLong() == small) {
                    rate = r;
                }
            }
            assertThat(rate.get("withheld").asBoolean()).isTrue();
            assertThat(rate.get("submitted").asInt()).isEqualTo(3);
            for (JsonNode trend : json.get("trends")) {
                assertThat(trend.get("points").get(0).get("mean").isNull()).as(trend.get("code").asText()).isTrue();
            }
            assertThat(json.get("sentimentByModule")).noneMatch(s -> s.get("source").asText().equals("Module 1"));
            String csv = lead.get("/cohorts/" + run.cohortId() + "/report-data.csv").body();
            assertThat(csv).doesNotContain("survey," + small + ",");
            assertThat(lead.get("/cohorts/" + run.cohortId() + "/report").body()).contains("Results withheld: fewer than 5 responses");
        }
    }

    @Test
    void theCommandLineWritesThePdfAndTheHtmlAndRefusesAnUnknownCohort() throws Exception {
        Path pdf = dir.resolve("report.pdf");
        Run ok = cli("report", "--cohort", String.valueOf(run.cohortId()), "--out", pdf.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Evaluation report");
        }
        Path html = dir.resolve("report.out");
        assertThat(cli("report", "--cohort", String.valueOf(run.cohortId()), "--out", html.toString(), "--format", "html").exit()).isZero();
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<svg", "Themes and quotes");

        Run missing = cli("report", "--cohort", "424242", "--out", dir.resolve("none.pdf").toString());
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err()).contains("No cohort with id 424242");
        assertThat(dir.resolve("none.pdf")).doesNotExist();
        Run badFormat = cli("report", "--cohort", String.valueOf(run.cohortId()), "--out", pdf.toString(), "--format", "docx");
        assertThat(badFormat.exit()).isEqualTo(2);
    }

    private static void figures(org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode node, List<String> out) {
        if (node == null) {
            return;
        }
        for (Object kid : node.getKids()) {
            if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
                if ("Figure".equals(e.getStructureType()) && e.getAlternateDescription() != null) {
                    out.add(e.getAlternateDescription());
                }
                figures(e, out);
            }
        }
    }

    record Run(int exit, String out, String err) {
    }

    private static Run cli(String... args) {
        CommandLine cli = ConveneCommand.commandLine();
        ((ReportCommand) cli.getSubcommands().get("report").getCommand()).config = app.config();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void theReportShowsTheCohortsNetworkBeforeAndAfter() throws Exception {
        ProgrammeDemo.Loaded other = new ProgrammeDemo(app.jdbi()).load(9, "Network cohort", cohort, null, LocalDate.of(2025, 3, 4));
        long a = Math.min(cohort.get(0), cohort.get(1));
        long b = Math.max(cohort.get(0), cohort.get(1));
        long c = Math.min(cohort.get(2), cohort.get(3));
        long d = Math.max(cohort.get(2), cohort.get(3));
        app.jdbi().useHandle(h -> {
            h.execute("INSERT INTO ties (person_a, person_b, kind, source, started_on) VALUES (?, ?, 'know', 'before_test', DATE '2024-01-01')", a, b);
            h.execute("INSERT INTO ties (person_a, person_b, kind, source, started_on) VALUES (?, ?, 'know', 'during_test', DATE '2025-03-10')", c, d);
        });
        long tiesBefore = app.jdbi().withHandle(h -> h.createQuery("SELECT count(DISTINCT (person_a, person_b)) FROM ties WHERE started_on < DATE '2025-03-04' "
                + "AND person_a = ANY(:p) AND person_b = ANY(:p)").bind("p", cohort.toArray(Long[]::new)).mapTo(Long.class).one());
        JsonNode net = Json.MAPPER.readTree(WebClient.api(app, "GET", "/api/v1/cohorts/" + other.cohortId() + "/report", leadToken, null).body())
                .get("network");
        assertThat(net.get("from").asText()).isEqualTo("2025-03-04");
        assertThat(net.get("atStart").get("ties").asLong()).isEqualTo(tiesBefore).isPositive();
        assertThat(net.get("atEnd").get("people").asInt()).isEqualTo(cohort.size());
        assertThat(net.get("atEnd").get("ties").asLong()).isGreaterThan(net.get("atStart").get("ties").asLong());
        assertThat(net.get("newTies").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(net.get("newCrossSectorTies").asLong()).as("member 2 (community) and 3 (primary)").isGreaterThanOrEqualTo(1);
        assertThat(lead.get("/cohorts/" + other.cohortId() + "/report").body()).contains("The cohort's network").contains("Ties across sectors");
    }
}
