package org.convene.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.convene.accounts.Role;
import org.convene.notifications.Notifications;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * axe-core (WCAG 2.0-2.2 A and AA) on the notification pages, in real Chromium, on the demo: the
 * participant's list (the facilitator mentioned them in the film-night discussion), opening that
 * notification, the settings page saved; and following a discussion from its page.
 */
@Tag("browser")
class NotificationAccessibilityTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static DemoSite site;
    private static BrowserContext asParticipant;

    @BeforeAll
    static void start() {
        site = DemoSite.start();
        new Notifications(site.app.jdbi(), "http://localhost").fanOutDue(1000);
        asParticipant = site.signedIn(chromium, site.account(Role.PARTICIPANT).email());
    }

    @AfterAll
    static void stop() {
        if (asParticipant != null) {
            asParticipant.close();
        }
        if (site != null) {
            site.close();
        }
    }

    private static com.microsoft.playwright.Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void theListOpensWhatAMentionIsAbout() {
        PageAudit.audit(asParticipant, "/notifications", "Notifications", page -> {
            assertThat(page.locator(".convene-count")).isVisible();
            page.getByText("mentioned you in “Film night: the journey home”").click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Film night: the journey home").setLevel(1)))
                    .isVisible();
            assertThat(page.locator("a.convene-mention").first()).isVisible();
        });
    }

    @Test
    void settingsAreSaved() {
        PageAudit.audit(asParticipant, "/notifications/settings", "Notification settings", page -> {
            page.getByLabel("Weekly").check();
            page.locator("fieldset", new Page.LocatorOptions().setHasText("Discharge to home")).getByLabel("Everything, every reply included").check();
            button(page, "Save settings").click();
            assertThat(page.getByText("Your notification settings are saved")).isVisible();
            assertThat(page.getByLabel("Weekly")).isChecked();
        });
    }

    @Test
    void aDiscussionCanBeFollowed() {
        long film = site.app.jdbi().withHandle(h -> h.createQuery("SELECT id FROM threads WHERE title = 'Film night: the journey home'")
                .mapTo(Long.class).one());
        PageAudit.audit(asParticipant, "/discussions/" + film, "Film night: the journey home", page -> {
            button(page, "Follow this discussion").click();
            assertThat(page.getByText("You are following this discussion")).isVisible();
            assertThat(button(page, "Stop following")).isVisible();
        });
    }
}
