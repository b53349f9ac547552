package org.convene.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.convene.accounts.Role;
import org.convene.demo.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on each main page as a user reaches it, in real
 * Chromium with the page's scripts running. A serious or critical violation fails the page, and so
 * does anything the browser reports on the console: a script error, a resource that failed, or an
 * inline script or style that the Content-Security-Policy blocked.
 */
@Tag("browser")
class AccessibilityTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static DemoSite site;
    private static DemoData.DemoAccount participant;
    private static BrowserContext signedOut;
    private static BrowserContext asParticipant;
    private static BrowserContext asAdmin;

    @BeforeAll
    static void start() {
        site = DemoSite.start();
        participant = site.account(Role.PARTICIPANT);
        signedOut = chromium.newContext(site.app, true);
        asParticipant = chromium.newContext(site.app, true);
        asAdmin = chromium.newContext(site.app, true);
        signIn(asParticipant, participant.email(), site.password());
        signIn(asAdmin, DemoSite.ADMIN_EMAIL, DemoSite.ADMIN_PASSWORD);
    }

    private static void signIn(BrowserContext context, String email, String password) {
        Page page = context.newPage();
        DemoSite.signIn(page, email, password);
        page.close();
    }

    @AfterAll
    static void stop() {
        for (BrowserContext c : new BrowserContext[] {signedOut, asParticipant, asAdmin}) {
            if (c != null) {
                c.close();
            }
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void signInPage() {
        audit(signedOut, "/login", "Sign in to Convene", page -> { });
    }

    @Test
    void homePageSignedIn() {
        audit(asParticipant, "/", "Convene", page ->
                assertThat(page.getByRole(AriaRole.SEARCH, new Page.GetByRoleOptions().setName("Find people"))).isVisible());
    }

    @Test
    void directoryWithLiveSearchResults() {
        DemoSite.Filter filter = site.sectorAndInterest(participant.personId());
        audit(asParticipant, "/people", "Find people", page -> {
            Locator count = page.locator("#result-count");
            page.getByLabel("Sector").selectOption(new SelectOption().setLabel(filter.sectorName()));
            assertThat(count).hasText(DemoSite.countText(filter.sectorCount(), 20));
            assertThat(page.locator("#results").getByRole(AriaRole.LISTITEM).first()).containsText(filter.sectorName());
        });
    }

    @Test
    void someoneElsesProfileWithConnections() {
        long id = site.jdbi().withHandle(h -> h.createQuery("""
                        SELECT p.id FROM people p
                         WHERE visible_to(p.visibility, p.id, :self) AND p.id <> :self
                           AND EXISTS (SELECT 1 FROM ties t WHERE t.ended_on IS NULL AND p.id IN (t.person_a, t.person_b))
                           AND p.offers <> '' AND p.bio <> ''
                         ORDER BY p.id LIMIT 1""")
                .bind("self", participant.personId()).mapTo(Long.class).one());
        audit(asParticipant, "/people/" + id, null, page -> {
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Connections"))).isVisible();
            assertThat(page.getByRole(AriaRole.TABLE)).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add connection"))).isVisible();
        });
    }

    @Test
    void ownProfileEditForm() {
        audit(asParticipant, "/people/" + participant.personId() + "/edit", "Edit your profile", page ->
                assertThat(page.getByLabel("Full name")).hasValue(participant.personName()));
    }

    @Test
    void editFormShownAgainWithAnError() {
        audit(asParticipant, "/people/" + participant.personId() + "/edit", "Edit your profile", page -> {
            page.getByLabel("Full name").fill("");
            Locator interests = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Interests"));
            for (Locator box : interests.getByRole(AriaRole.CHECKBOX).all()) {
                box.check(); // more than the 20 allowed
            }
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();

            Locator summary = page.getByRole(AriaRole.ALERT);
            assertThat(summary).containsText("There is a problem");
            // GOV.UK Frontend moves focus to the summary so it is read out first.
            assertThat(page.locator(".govuk-error-summary")).isFocused();

            // Each field says what is wrong, assistive technology hears it with the field, and the
            // link in the summary takes you to the field.
            assertThat(page.getByLabel("Full name")).hasAccessibleDescription("Error: Enter a full name");
            summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Enter a full name")).click();
            assertThat(page.getByLabel("Full name")).isFocused();

            assertThat(interests).hasAccessibleDescription(Pattern.compile("Error:\\s+Choose at most 20 interests$"));
            summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Choose at most 20 interests")).click();
            assertThat(interests.getByRole(AriaRole.CHECKBOX).first()).isFocused();
        });
    }

    @Test
    void organisationsList() {
        audit(asParticipant, "/organisations", "Organisations", page ->
                assertThat(page.getByRole(AriaRole.TABLE).getByRole(AriaRole.ROW).nth(1)).isVisible());
    }

    @Test
    void anOrganisation() {
        String name = site.jdbi().withHandle(h -> h.createQuery("""
                        SELECT o.name FROM organisations o
                         WHERE EXISTS (SELECT 1 FROM people p WHERE p.organisation_id = o.id AND p.visibility = 'everyone')
                         ORDER BY o.id LIMIT 1""").mapTo(String.class).one());
        long id = site.jdbi().withHandle(h -> h.createQuery("SELECT id FROM organisations WHERE name = :name ORDER BY id LIMIT 1")
                .bind("name", name).mapTo(Long.class).one());
        audit(asParticipant, "/organisations/" + id, name, page ->
                assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("in the directory"))).isVisible());
    }

    @Test
    void accountPage() {
        audit(asParticipant, "/account", "Your account", page ->
                assertThat(page.getByText(participant.email(), new Page.GetByTextOptions().setExact(true))).isVisible());
    }

    @Test
    void adminAccountsPage() {
        audit(asAdmin, "/admin/accounts", "Accounts", page -> {
            // Every row has the same controls: each must say whose account it changes.
            assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Roles for " + participant.email())))
                    .isVisible();
            assertThat(page.getByLabel("Status of " + participant.email(), new Page.GetByLabelOptions().setExact(true)))
                    .hasValue("active");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save " + participant.email())))
                    .isVisible();
        });
    }

    @Test
    void formsForTheProgrammeTeam() {
        audit(asAdmin, "/people/new", "Add a person", page -> { });
        audit(asAdmin, "/organisations/new", "Add an organisation", page -> { });
        long id = site.jdbi().withHandle(h -> h.createQuery("SELECT min(id) FROM organisations").mapTo(Long.class).one());
        audit(asAdmin, "/organisations/" + id + "/edit", "Edit organisation", page -> { });
        audit(asAdmin, "/transfer", null, page -> { });
    }

    @Test
    void administrationForms() {
        audit(asAdmin, "/admin/invite", "Invite someone", page -> { });
        audit(asAdmin, "/admin/settings", "Settings", page -> { });
    }

    @Test
    void pagesForPeopleWithoutASession() {
        audit(signedOut, "/forgot-password", "Reset your password", page -> { });
        site.jdbi().useHandle(h -> h.execute("UPDATE settings SET value = 'open' WHERE name = 'registration'"));
        try {
            audit(signedOut, "/register", "Create an account", page -> { });
        } finally {
            site.jdbi().useHandle(h -> h.execute("UPDATE settings SET value = 'invite_only' WHERE name = 'registration'"));
        }
        new org.convene.accounts.Registration(site.jdbi(), new org.convene.accounts.Accounts(site.jdbi()), "http://localhost")
                .invite(new org.convene.people.PersonInput("Ivy Invited", "ivy@test.example", "", "", null, "housing", "",
                        java.util.List.of(), "", "", "", "email", "nobody", "nobody"), "ivy@test.example",
                        java.util.Set.of(Role.PARTICIPANT), "admin@test.example");
        String body = site.jdbi().withHandle(h -> h.createQuery("SELECT body FROM outbox WHERE recipient = 'ivy@test.example'")
                .mapTo(String.class).one());
        String link = body.substring(body.indexOf("/invite/")).split("\\s")[0];
        audit(signedOut, link, "Welcome to Convene: choose a password", page -> { });
    }

    @Test
    void pageNotFound() {
        audit(asParticipant, "/no-such-page", "Page not found", page -> { });
        audit(asParticipant, "/people/999999999", "Page not found", page -> { });
    }

    /**
     * Opens the page, checks it is the page meant (its main heading), lets the test act on it, then runs
     * axe and checks the browser reported nothing. A null heading means the test checks the page itself.
     */
    private static void audit(BrowserContext context, String path, String heading, Consumer<Page> act) {
        Page page = context.newPage();
        PageProblems problems = PageProblems.watch(page);
        try {
            Response response = page.navigate(path);
            // The console check below only proves "no inline script or style" while the policy is sent.
            org.assertj.core.api.Assertions.assertThat(response.headerValue("content-security-policy"))
                    .as("Content-Security-Policy of " + path).contains("script-src 'self'").contains("style-src 'self'");
            if (heading != null) {
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(heading).setExact(true).setLevel(1)))
                        .isVisible();
            }
            act.accept(page);
            Axe.assertNoBlockingViolations(page, path);
            problems.assertNone(path + " (ending at " + page.url() + ")");
        } finally {
            page.close();
        }
    }
}
