package org.convene.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.convene.accounts.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * axe-core on the data protection pages, in Chromium, on the demo: a participant chooses who sees
 * their entry and reads their own data; an administrator sets retention, erases a person on
 * request (the form refuses without a reason, then erases) and finds the erasure in the audit log.
 */
@Tag("browser")
class PrivacyAccessibilityTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static DemoSite site;
    private static BrowserContext asParticipant;
    private static BrowserContext asAdmin;

    @BeforeAll
    static void start() {
        site = DemoSite.start();
        asParticipant = site.signedIn(chromium, site.account(Role.PARTICIPANT).email());
        asAdmin = chromium.newContext(site.app, true);
        Page page = asAdmin.newPage();
        DemoSite.signIn(page, DemoSite.ADMIN_EMAIL, DemoSite.ADMIN_PASSWORD);
        page.close();
    }

    @AfterAll
    static void stop() {
        for (BrowserContext context : new BrowserContext[] {asParticipant, asAdmin}) {
            if (context != null) {
                context.close();
            }
        }
        if (site != null) {
            site.close();
        }
    }

    private static com.microsoft.playwright.Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void aParticipantChoosesWhoSeesThemAndReadsTheirData() {
        long me = site.account(Role.PARTICIPANT).personId();
        PageAudit.audit(asParticipant, "/people/" + me + "/edit", "Edit your profile", page -> {
            page.locator("fieldset", new Page.LocatorOptions().setHasText("Who can see your directory entry?"))
                    .getByLabel("Only members of my communities").check();
            page.locator("fieldset", new Page.LocatorOptions().setHasText("Who can see your email address?"))
                    .getByLabel("Nobody").check();
            button(page, "Save").click();
            assertThat(page.getByText("This entry is shown only to members of the same communities")).isVisible();
        });
        PageAudit.audit(asParticipant, "/account/data", "Your data", page -> {
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Directory entry"))).isVisible();
            assertThat(page.getByText("Download as JSON")).isVisible();
        });
    }

    @Test
    void anAdministratorSetsRetentionErasesAPersonAndSeesItLogged() {
        PageAudit.audit(asAdmin, "/admin/privacy", "Data retention", page -> {
            page.getByLabel("Erase accounts nobody has signed in to for this many days").fill("12");
            button(page, "Save retention").click();
            assertThat(page.locator(".govuk-error-summary")).isVisible();
            page.getByLabel("Erase accounts nobody has signed in to for this many days").fill("1095");
            button(page, "Save retention").click();
            assertThat(page.getByText("Retention saved")).isVisible();
        });
        long person = site.app.jdbi().withHandle(h -> h.createQuery("SELECT p.id FROM people p WHERE NOT EXISTS "
                + "(SELECT 1 FROM accounts a WHERE a.person_id = p.id) AND p.erased_at IS NULL ORDER BY p.id DESC LIMIT 1").mapTo(Long.class).one());
        PageAudit.audit(asAdmin, "/admin/people/" + person + "/erase", "Erase this person", page -> {
            button(page, "Erase this person").click();
            assertThat(page.locator(".govuk-error-summary")).isVisible();
            page.getByLabel("Request reference or reason").fill("REQ-17");
            page.getByLabel("I understand this cannot be undone").check();
            button(page, "Erase this person").click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Audit log").setLevel(1))).isVisible();
            assertThat(page.getByText("Erased on request (REQ-17)")).isVisible();
        });
        PageAudit.audit(asAdmin, "/admin/audit", "Audit log", page ->
                assertThat(page.getByText("Retention changed from").first()).isVisible());
    }
}
