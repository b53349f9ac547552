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
 * axe-core (WCAG 2.0-2.2 A and AA) on the relationship network's page, in real Chromium, on the
 * demo region: the whole system's figures, a community's, and an unknown slice refused.
 */
@Tag("browser")
class NetworkAccessibilityTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static DemoSite site;
    private static BrowserContext asLead;

    @BeforeAll
    static void start() {
        site = DemoSite.start();
        asLead = site.signedIn(chromium, site.account(Role.PROGRAMME_LEAD).email());
    }

    @AfterAll
    static void stop() {
        if (asLead != null) {
            asLead.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void theFiguresForTheSystemAndForACommunity() {
        PageAudit.audit(asLead, "/network", "The relationship network", page -> {
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Who bridges most"))).isVisible();
            page.getByLabel("Whose network").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Community: Discharge to home"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the figures")).click();
            assertThat(page.getByText("E-I index by sector")).isVisible();
        });
        PageAudit.audit(asLead, "/network?slice=galaxy:1", "The relationship network", page ->
                assertThat(page.locator(".govuk-error-summary")).isVisible());
    }
}
