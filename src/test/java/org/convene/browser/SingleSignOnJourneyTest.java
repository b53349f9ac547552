package org.convene.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.convene.accounts.Role;
import org.convene.app.Config;
import org.convene.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Single sign-on in real Chromium: from a page that needs signing in, to the sign-in page, a click
 * on "Sign in with ...", the provider's own login form (mock-oauth2-server with its interactive
 * login), and back to Convene, signed in, on the page first asked for. This is what shows that the
 * redirect to another origin is not blocked by Convene's Content-Security-Policy (form-action
 * 'self'). The sign-in page with the button, and the page that refuses a sign-in, pass axe.
 */
@Tag("browser")
class SingleSignOnJourneyTest {
    private static final String BUTTON = "Sign in with Test NHS mail";
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static MockOAuth2Server provider;
    private static TestApp app;

    @BeforeAll
    static void start() {
        provider = new MockOAuth2Server(new OAuth2Config(true));
        provider.start();
        app = TestApp.startWithSso(new Config.Sso(provider.wellKnownUrl("nhs").toString(), "convene-browser-test", "test secret",
                "Test NHS mail", "openid email profile", "email", false, false));
        app.person("Noor Patel", "noor@test.example", "acute", Role.PARTICIPANT);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (provider != null) {
            provider.shutdown();
        }
    }

    /** A browser profile that reaches only this machine (the provider's login page asks Google for a font). */
    private static BrowserContext localContext() {
        BrowserContext context = chromium.newContext(app, true);
        context.route(url -> !url.startsWith("http://localhost:"), route -> route.abort());
        return context;
    }

    /** Signs in on the provider's login form, as the person with these claims. */
    private static void signInAtProvider(Page page, String subject, String claims) {
        String authorize = provider.authorizationEndpointUrl("nhs").toString();
        page.waitForURL(url -> url.startsWith(authorize + "?"));
        page.locator("input[name=username]").fill(subject);
        page.locator("textarea[name=claims]").fill(claims);
        page.locator("input[type=submit]").click();
    }

    @Test
    void theSignInPageWithTheButtonPassesTheAudit() {
        try (BrowserContext context = localContext()) {
            PageAudit.audit(context, "/login", "Sign in to Convene",
                    page -> assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(BUTTON))).isVisible());
        }
    }

    @Test
    void someoneSignsInThroughTheProviderAndLandsWhereTheyWereGoing() {
        try (BrowserContext context = localContext()) {
            Page page = context.newPage();
            PageProblems problems = PageProblems.watch(page);
            page.navigate("/people");
            assertThat(page).hasURL(Pattern.compile("/login\\?next=%2Fpeople$"));
            problems.assertNone("the sign-in page");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(BUTTON)).click();
            signInAtProvider(page, "noor-at-nhs", "{\"email\": \"noor@test.example\", \"email_verified\": true}");

            assertThat(page).hasURL(app.url("/people"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Find people").setLevel(1))).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
            // The provider's own page asks for a web font that this machine cannot fetch; that is not Convene's.
            List<String> ours = problems.all().stream()
                    .filter(p -> !p.contains(provider.baseUrl().toString()) && !p.contains("//fonts.googleapis.com/")).toList();
            org.assertj.core.api.Assertions.assertThat(ours).as("problems on Convene's pages (CSP included)").isEmpty();
            problems.clear();
            page.navigate("/account");
            assertThat(page.getByText("noor@test.example").first()).isVisible();
            problems.assertNone("the account page after single sign-on");
        }
    }

    /** The accounts page shows who is linked to the provider, passes axe, and removes a link. */
    @Test
    void anAdministratorSeesAndRemovesASingleSignOnLink() {
        app.person("Ivy Iqbal", "ivy@test.example", "vcse", Role.PARTICIPANT);
        app.person("Ada Admin", "ada@test.example", "acute", Role.ADMIN);
        long ivy = new org.convene.accounts.Accounts(app.jdbi()).byEmail("ivy@test.example").orElseThrow().id();
        app.jdbi().useHandle(h -> h.createUpdate("INSERT INTO account_identities (issuer, subject, account_id, email) "
                + "VALUES (:issuer, 'ivy-at-nhs', :id, 'ivy@test.example')").bind("issuer", provider.issuerUrl("nhs").toString())
                .bind("id", ivy).execute());
        try (BrowserContext context = chromium.newContext(app, true)) {
            Page signIn = context.newPage();
            DemoSite.signIn(signIn, "ada@test.example", TestApp.PASSWORD);
            signIn.close();
            PageAudit.audit(context, "/admin/accounts", "Accounts", page -> {
                assertThat(page.getByText("Single sign-on as ivy@test.example")).isVisible();
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove link of ivy@test.example")).click();
                assertThat(page.locator("main")).containsText("Removed the single sign-on link of ivy@test.example");
                assertThat(page.getByText("Single sign-on as ivy@test.example")).hasCount(0);
            });
        }
    }

    @Test
    void anUnverifiedAddressEndsOnAPageThatSaysWhyAndLeadsBack() {
        try (BrowserContext context = localContext()) {
            Page page = context.newPage();
            page.navigate("/login");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(BUTTON)).click();
            signInAtProvider(page, "unverified-at-nhs", "{\"email\": \"noor@test.example\", \"email_verified\": false}");

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("You could not be signed in").setLevel(1)))
                    .isVisible();
            assertThat(page.locator("main")).containsText("has not confirmed that it is your email address");
            Axe.assertNoBlockingViolations(page, "the page refusing a single sign-on");
            Locator back = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go back to the sign-in page"));
            back.click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in to Convene"))).isVisible();
        }
    }
}
