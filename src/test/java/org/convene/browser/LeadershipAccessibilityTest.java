package org.convene.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.convene.accounts.Role;
import org.convene.leadership.Areas;
import org.convene.leadership.Clusters;
import org.convene.leadership.PriorityArea;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * axe-core (WCAG 2.0-2.2 A and AA) on the leader cluster pages, in real Chromium, on the demo's
 * priority area: the list, the checklist with suggested clusters (and the add-candidate form with
 * errors), the area form with errors, a candidate with endorsements, and the cluster for the team
 * and for its sponsor; and forming a suggested cluster from the page.
 */
@Tag("browser")
class LeadershipAccessibilityTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static DemoSite site;
    private static PriorityArea area;
    private static long cluster;
    private static BrowserContext asLead;
    private static BrowserContext asSponsor;

    @BeforeAll
    static void start() {
        site = DemoSite.start();
        area = new Areas(site.app.jdbi()).list(null).get(0);
        cluster = new Clusters(site.app.jdbi()).ofArea(area.id()).get(0).id();
        asLead = site.signedIn(chromium, site.account(Role.PROGRAMME_LEAD).email());
        asSponsor = site.signedIn(chromium, site.account(Role.SPONSOR).email());
    }

    @AfterAll
    static void stop() {
        for (BrowserContext c : new BrowserContext[] {asLead, asSponsor}) {
            if (c != null) {
                c.close();
            }
        }
        if (site != null) {
            site.close();
        }
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void thePriorityAreasForTheTeamAndTheSponsor() {
        PageAudit.audit(asLead, "/leadership", "Leader clusters", page ->
                assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(area.title()))).isVisible());
        PageAudit.audit(asSponsor, "/leadership", "Leader clusters", page ->
                assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(area.title()))).isVisible());
    }

    @Test
    void theChecklistWithSuggestionsAndTheCandidateFormWithErrors() {
        PageAudit.audit(asLead, "/priority-areas/" + area.id(), area.title(), page -> {
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("4. Suggested clusters"))).isVisible();
            page.getByText("Add a candidate").click();
            page.getByLabel("Email address of the candidate").fill("nobody@example.org");
            button(page, "Add the candidate").click();
            assertThat(page.locator(".govuk-error-summary").first()).isVisible();
            assertThat(page.getByText("Nobody in the directory has the email address nobody@example.org").first()).isVisible();
        });
    }

    @Test
    void theAreaFormWithErrors() {
        PageAudit.audit(asLead, "/priority-areas/new", "Add a priority area", page -> {
            page.getByLabel("Estimated savings a year, in pounds (optional)").fill("lots");
            button(page, "Save the priority area").click();
            assertThat(page.locator(".govuk-error-summary")).isVisible();
            assertThat(page.getByText("Enter the priority area").first()).isVisible();
        });
    }

    @Test
    void aCandidateWithEndorsements() {
        long person = new Areas(site.app.jdbi()).candidates(area.id()).stream().filter(c -> !c.endorsements().isEmpty())
                .findFirst().orElseThrow().personId();
        String name = new Areas(site.app.jdbi()).candidate(area.id(), person).name();
        PageAudit.audit(asLead, "/priority-areas/" + area.id() + "/candidates/" + person, name, page ->
                assertThat(page.getByText("Gets things moving across organisations").first()).isVisible());
    }

    @Test
    void theClusterForTheTeamAndItsSponsor() {
        PageAudit.audit(asLead, "/clusters/" + cluster, "Leader cluster", page ->
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Why this cluster"))).isVisible());
        PageAudit.audit(asSponsor, "/clusters/" + cluster, "Leader cluster", page ->
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sponsor, mentoring and status"))).hasCount(0));
        PageAudit.audit(asSponsor, "/clusters", "Clusters", page ->
                assertThat(page.getByRole(AriaRole.LINK).filter(new Locator.FilterOptions().setHasText(",")).first()).isVisible());
    }

    @Test
    void formingASuggestedClusterFromTheChecklist() {
        PageAudit.audit(asLead, "/priority-areas/" + area.id(), area.title(), page -> {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Form cluster 1")).first().click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Leader cluster").setLevel(1))).isVisible();
            assertThat(page.getByText("Cluster formed")).isVisible();
        });
    }
}
