package org.convene.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.convene.testing.TestApp;
import org.convene.testing.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OperationsTest {
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void healthChecksTheDatabase() {
        HttpResponse<String> health = WebClient.api(app, "GET", "/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"database\":\"ok\"");
    }

    @Test
    void metricsCountRequestsByRoute() {
        app.client().get("/login");
        HttpResponse<String> metrics = WebClient.api(app, "GET", "/metrics", null, null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/login\",status=\"200\"}")
                .contains("hikaricp_connections").contains("jvm_memory_used_bytes");
    }

    @Test
    void pagesCarrySecurityHeaders() {
        HttpResponse<String> page = app.client().get("/login");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("only behind TLS").isEmpty();
    }

    @Test
    void assetsComeFromTheJar() {
        assertThat(app.client().get("/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css").statusCode()).isEqualTo(200);
        assertThat(app.client().get("/webjars/htmx.org/2.0.10/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(app.client().get("/assets/convene.js").statusCode()).isEqualTo(200);
    }

    @Test
    void theGovukStylesAreServedWithoutTheFontsConveneMayNotUse() {
        var styles = app.client().get(org.convene.web.FrontendStyles.PATH);
        assertThat(styles.statusCode()).isEqualTo(200);
        assertThat(styles.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        assertThat(styles.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(styles.body()).contains(".govuk-button").doesNotContain("@font-face").doesNotContain("/assets/fonts/");
        assertThat(app.client().get("/").body()).contains(org.convene.web.FrontendStyles.PATH);
    }

    @Test
    void unknownPagesGetAFriendlyNotFound() {
        HttpResponse<String> page = app.client().get("/no/such/page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found").doesNotContain("Exception");
    }
}
