package org.convene.communities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.convene.accounts.Role;
import org.convene.testing.Multipart;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A community's resources through the API and the pages, on a real PostgreSQL: files checked by
 * their content (not their name nor the browser's type), the 10 MB limit, downloads as
 * attachments of the stored type, a request-to-join community's resources invisible to outsiders,
 * and who may delete and pin.
 */
class CommunityResourcesTest {
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static TestApp app;
    private static String ann;
    private static String bob;
    private static String cy;
    private static long cyId;
    private static long open;

    @BeforeAll
    static void start() throws IOException {
        app = TestApp.start();
        app.person("Ann Convenor", "ann@res.example", "housing", Role.PARTICIPANT);
        app.person("Bob Member", "bob@res.example", "acute", Role.PARTICIPANT);
        cyId = app.person("Cy Outsider", "cy@res.example", "vcse", Role.PARTICIPANT).id();
        ann = app.token("ann@res.example");
        bob = app.token("bob@res.example");
        cy = app.token("cy@res.example");
        open = WebClient.json(call("POST", "/api/v1/communities", ann, "{\"name\": \"Damp homes\", \"problem\": \"Cold, damp homes make people ill\"}"), 201)
                .get("id").asLong();
        WebClient.json(call("POST", "/api/v1/communities/" + open + "/membership", bob, null), 201);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> call(String method, String path, String token, String json) {
        return WebClient.api(app, method, path, token, json);
    }

    private static HttpResponse<String> upload(long community, String token, String name, String claimedType, byte[] content) {
        return WebClient.api(app, "/api/v1/communities/" + community + "/resources", token,
                new Multipart().field("title", "").field("description", "For the winter").file("file", name, claimedType, content));
    }

    @Test
    void aMemberUploadsFilesThatDownloadAsTheTypeTheirContentShows() throws Exception {
        JsonNode pdf = WebClient.json(upload(open, bob, "winter plan.pdf", "application/octet-stream", PDF), 201);
        assertThat(pdf.get("title").asText()).as("the file's name, without its ending").isEqualTo("winter plan");
        assertThat(pdf.get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(pdf.get("size").asLong()).isEqualTo(PDF.length);
        assertThat(pdf.get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)));
        assertThat(pdf.get("url").isNull()).isTrue();

        HttpResponse<byte[]> download = WebClient.download(app, "/api/v1/resources/" + pdf.get("id").asLong() + "/file", cy);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"winter plan.pdf\"; filename*=UTF-8''winter%20plan.pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        assertThat(WebClient.json(upload(open, bob, "Notes.DOCX", "application/zip",
                FileSnifferTest.zip(null, "[Content_Types].xml", "_rels/.rels", "word/document.xml")), 201).get("contentType").asText())
                .isEqualTo(FileType.WORD.mediaType());
        assertThat(WebClient.json(upload(open, bob, "budget.ods", "application/octet-stream",
                FileSnifferTest.zip("application/vnd.oasis.opendocument.spreadsheet", "content.xml", "META-INF/manifest.xml")), 201).get("contentType").asText())
                .isEqualTo(FileType.OPEN_SPREADSHEET.mediaType());
        JsonNode csv = WebClient.json(upload(open, bob, "homes.csv", "application/vnd.ms-excel",
                "street,homes\nHigh St,12\nMill Lane,7\n".getBytes(StandardCharsets.UTF_8)), 201);
        assertThat(csv.get("contentType").asText()).isEqualTo("text/csv; charset=utf-8");
        JsonNode png = WebClient.json(upload(open, bob, "map.png", "image/png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13}), 201);
        assertThat(png.get("contentType").asText()).isEqualTo("image/png");

        JsonNode listed = WebClient.json(call("GET", "/api/v1/communities/" + open + "/resources", cy, null), 200);
        assertThat(listed.findValuesAsText("title")).contains("winter plan", "Notes", "budget", "homes", "map");
    }

    @Test
    void aFileIsJudgedByItsContentNotItsNameNorTheTypeTheBrowserClaims() throws IOException {
        byte[] program = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};
        HttpResponse<String> exe = upload(open, bob, "report.pdf", "application/pdf", program);
        assertThat(exe.statusCode()).isEqualTo(415);
        assertThat(WebClient.json(exe, 415).get("error").asText()).contains("content is not a type Convene accepts, whatever its name");

        byte[] oldWord = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1, 0, 0};
        assertThat(WebClient.json(upload(open, bob, "minutes.doc", "application/msword", oldWord), 415).get("error").asText())
                .contains("save it as .docx");
        assertThat(upload(open, bob, "macros.docx", "application/octet-stream",
                FileSnifferTest.zip(null, "[Content_Types].xml", "word/document.xml", "word/vbaProject.bin")).statusCode()).as("macros").isEqualTo(415);
        assertThat(upload(open, bob, "photos.zip", "application/zip", FileSnifferTest.zip(null, "a.jpg", "b.jpg")).statusCode()).isEqualTo(415);

        HttpResponse<String> renamed = upload(open, bob, "notes.pdf", "application/pdf", "Just some notes\n".getBytes(StandardCharsets.UTF_8));
        assertThat(renamed.statusCode()).isEqualTo(422);
        assertThat(renamed.body()).contains("content is text, so its name must end in .csv or .txt");
        assertThat(WebClient.json(upload(open, bob, "plan.docx", "application/pdf", PDF), 422).get("fields").get("file").asText())
                .isEqualTo("The file's content is a PDF, so its name must end in .pdf");
        assertThat(upload(open, bob, "empty.txt", "text/plain", new byte[0]).statusCode()).as("a chosen file with nothing in it").isEqualTo(422);
    }

    @Test
    void filesOver10MegabytesAreRefusedWithAClearMessage() throws IOException {
        byte[] big = Arrays.copyOf(PDF, ResourceFile.MAX_BYTES + 1);
        HttpResponse<String> api = upload(open, bob, "big.pdf", "application/pdf", big);
        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(WebClient.json(api, 413).get("error").asText()).contains("a file must be 10 MB or smaller");

        String declared = headersOnly("/api/v1/communities/" + open + "/resources", bob, 25L * 1024 * 1024);
        assertThat(declared).as("refused from its declared length, before the body is read").startsWith("HTTP/1.1 413")
                .contains("10 MB or smaller");

        WebClient page = signedIn("bob@res.example");
        page.get("/communities/" + open + "/resources");
        HttpResponse<String> form = page.postMultipart("/communities/" + open + "/resources",
                new Multipart().field("title", "Big").file("file", "big.pdf", "application/pdf", big));
        assertThat(form.statusCode()).isEqualTo(422);
        assertThat(form.body()).contains("govuk-error-summary").contains("a file must be 10 MB or smaller").doesNotContain("Exception");
    }

    @Test
    void aRequestToJoinCommunitysResourcesDoNotExistForOutsiders() throws IOException {
        long closed = WebClient.json(call("POST", "/api/v1/communities", ann, "{\"name\": \"Wardens' room\", \"problem\": \"Sheltered housing wardens "
                + "are alone with hard cases\", \"joining\": \"request\"}"), 201).get("id").asLong();
        long file = WebClient.json(upload(closed, ann, "case-notes.txt", "text/plain", "Case notes\n".getBytes(StandardCharsets.UTF_8)), 201)
                .get("id").asLong();
        WebClient.json(call("POST", "/api/v1/communities/" + closed + "/membership", cy, null), 201);

        assertThat(call("GET", "/api/v1/communities/" + closed + "/resources", cy, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/resources/" + file, cy, null).statusCode()).isEqualTo(404);
        assertThat(WebClient.download(app, "/api/v1/resources/" + file + "/file", cy).statusCode()).isEqualTo(404);
        assertThat(upload(closed, cy, "mine.txt", "text/plain", "x\n".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(403);
        JsonNode overview = WebClient.json(call("GET", "/api/v1/communities/" + closed, cy, null), 200).get("overview");
        assertThat(overview.get("resources")).isEmpty();
        assertThat(overview.get("resourceCount").asInt()).isZero();
        assertThat(overview.get("convenors").findValuesAsText("name")).containsExactly("Ann Convenor");

        WebClient outsider = signedIn("cy@res.example");
        assertThat(outsider.get("/communities/" + closed + "/resources").statusCode()).isEqualTo(404);
        assertThat(outsider.get("/resources/" + file + "/file").statusCode()).isEqualTo(404);
        assertThat(outsider.get("/communities/" + closed).body()).doesNotContain("case-notes");

        WebClient.json(call("PUT", "/api/v1/communities/" + closed + "/members/" + cyId, ann, "{\"status\": \"active\"}"), 200);
        assertThat(WebClient.download(app, "/api/v1/resources/" + file + "/file", cy).body()).isEqualTo("Case notes\n".getBytes(StandardCharsets.UTF_8));
        assertThat(outsider.get("/communities/" + closed).body()).contains("case-notes").contains("All 1 resource");
    }

    @Test
    void whoeverAddedAResourceAndTheConvenorsDeleteIt() throws IOException {
        String link = "{\"title\": \"Warm homes grants\", \"url\": \"https://example.org/grants\", \"description\": \"Who qualifies\"}";
        WebClient.json(call("POST", "/api/v1/communities/" + open + "/membership", cy, null), 201);
        long bobs = WebClient.json(call("POST", "/api/v1/communities/" + open + "/resources", bob, link), 201).get("id").asLong();
        assertThat(call("DELETE", "/api/v1/resources/" + bobs, cy, null).statusCode()).as("another member").isEqualTo(403);
        assertThat(call("PUT", "/api/v1/resources/" + bobs + "/pin", bob, "{\"pinned\": true}").statusCode()).isEqualTo(403);
        assertThat(WebClient.json(call("PUT", "/api/v1/resources/" + bobs + "/pin", ann, "{\"pinned\": true}"), 200).get("pinned").asBoolean())
                .isTrue();
        assertThat(WebClient.json(call("GET", "/api/v1/communities/" + open + "/resources", cy, null), 200).get(0).get("id").asLong())
                .as("pinned first").isEqualTo(bobs);
        assertThat(call("DELETE", "/api/v1/resources/" + bobs, bob, null).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/api/v1/resources/" + bobs, bob, null).statusCode()).isEqualTo(404);

        long again = WebClient.json(call("POST", "/api/v1/communities/" + open + "/resources", bob, link), 201).get("id").asLong();
        assertThat(call("DELETE", "/api/v1/resources/" + again, ann, null).statusCode()).as("a convenor").isEqualTo(204);
        assertThat(WebClient.download(app, "/api/v1/resources/" + again + "/file", ann).statusCode()).isEqualTo(404);
    }

    @Test
    void linksMustBeWebAddressesAndBadInputIsRefusedWithItsReasons() {
        String path = "/api/v1/communities/" + open + "/resources";
        HttpResponse<String> script = call("POST", path, bob, "{\"title\": \"x\", \"url\": \"javascript:alert(1)\"}");
        assertThat(script.statusCode()).isEqualTo(422);
        assertThat(script.body()).contains("starting with https:// or http://");
        HttpResponse<String> empty = call("POST", path, bob, "{\"title\": \"\", \"url\": \"\"}");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body()).contains("Give the resource a title").contains("Enter a link, or choose a file");
        assertThat(call("POST", path, bob, "{\"title\": \"x\", \"link\": \"https://example.org\"}").statusCode()).isEqualTo(400);
        assertThat(WebClient.api(app, "/api/v1/communities/" + open + "/resources", bob,
                new Multipart().field("url", "https://example.org").file("file", "a.txt", "text/plain", "a\n".getBytes(StandardCharsets.UTF_8)))
                .body()).contains("either a link or a file, not both");
    }

    @Test
    void membersAddListPinAndDeleteResourcesOnThePages() {
        WebClient member = signedIn("bob@res.example");
        assertThat(member.get("/communities/" + open + "/resources").body()).contains("Add a resource");
        HttpResponse<String> missing = member.postMultipart("/communities/" + open + "/resources", new Multipart().field("title", "").field("url", ""));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("govuk-error-summary").contains("Give the resource a title");
        HttpResponse<String> renamed = member.postMultipart("/communities/" + open + "/resources",
                new Multipart().field("title", "Tool").file("file", "tool.pdf", "application/pdf", new byte[] {'M', 'Z', 0, 0}));
        assertThat(renamed.statusCode()).isEqualTo(422);
        assertThat(renamed.body()).contains("content is not a type Convene accepts").contains("value=\"Tool\"");

        HttpResponse<String> added = member.postMultipart("/communities/" + open + "/resources",
                new Multipart().field("title", "Damp survey").field("description", "").field("url", "https://example.org/damp")
                        .file("file", "", "application/octet-stream", new byte[0]));
        assertThat(added.statusCode()).isEqualTo(302);
        long id = WebClient.idFrom(added, "#resource-");
        assertThat(member.get("/communities/" + open).body()).contains("Damp survey").contains("/communities/" + open + "/resources");

        WebClient convenor = signedIn("ann@res.example");
        convenor.get("/communities/" + open + "/resources");
        assertThat(convenor.post("/resources/" + id + "/pin", Map.of()).statusCode()).isEqualTo(302);
        assertThat(convenor.get("/communities/" + open + "/resources").body()).contains("Unpin");
        member.get("/communities/" + open + "/resources");
        assertThat(member.post("/resources/" + id + "/pin", Map.of()).statusCode()).isEqualTo(403);
        assertThat(member.post("/resources/" + id + "/delete", Map.of()).statusCode()).isEqualTo(302);
        assertThat(member.get("/communities/" + open + "/resources").body()).contains("Resource deleted: Damp survey")
                .doesNotContain("id=\"resource-" + id + "\"");
    }

    private static WebClient signedIn(String email) {
        WebClient client = app.client();
        client.signIn(email, TestApp.PASSWORD);
        return client;
    }

    /** Sends a multipart POST's headers with a Content-Length but no body, and returns everything the server answers. */
    private static String headersOnly(String path, String token, long length) throws IOException {
        URI uri = URI.create(app.url(path));
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            String request = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: " + length
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
