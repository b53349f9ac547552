package org.convene.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.convene.accounts.Role;
import org.convene.demo.ProjectDemo;
import org.convene.projects.Measures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * axe-core (WCAG 2.0-2.2 A and AA) on the project pages, in real Chromium, on the demo cohort's
 * projects: the list with its filters, a project for its lead (every form showing) and for the
 * programme lead, the team page with people found, a measure's run chart and data (with a refused
 * CSV file), and the project, measure and PDSA forms with their errors.
 */
@Tag("browser")
class ProjectAccessibilityTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static DemoSite site;
    private static long falls;
    private static long fallsRate;
    private static BrowserContext asLead;
    private static BrowserContext asParticipant;

    @BeforeAll
    static void start() {
        site = DemoSite.start();
        falls = site.demo.projects().projectIds().get(0);
        fallsRate = new Measures(site.app.jdbi()).list(falls).get(0).id();
        asLead = site.signedIn(chromium, site.account(Role.PROGRAMME_LEAD).email());
        asParticipant = site.signedIn(chromium, site.account(Role.PARTICIPANT).email());
    }

    @AfterAll
    static void stop() {
        for (BrowserContext c : new BrowserContext[] {asLead, asParticipant}) {
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
    void theListWithLiveFilters() {
        PageAudit.audit(asParticipant, "/projects", "Projects", page -> {
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(ProjectDemo.FALLS))).isVisible();
            page.getByLabel("Has a measure of kind").selectOption("balancing");
            assertThat(page.locator("#result-count")).hasText("1 project matches.");
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("1 project matches.");
        });
    }

    @Test
    void aProjectForItsLeadWithRunChartsCyclesScoreAndForms() {
        PageAudit.audit(asParticipant, "/projects/" + falls, ProjectDemo.FALLS, page -> {
            assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Falls per 1,000 bed days"))).isVisible();
            assertThat(page.getByText(java.util.regex.Pattern.compile("Shift: \\d+ points below the median \\(improving\\)"))).isVisible();
            assertThat(button(page, "Confirm score")).isVisible();
            page.getByText("Replace the presentation").click();
            button(page, "Save the presentation").click();
            assertThat(page.locator(".govuk-error-summary")).containsText("Give either a link or a file");
        });
    }

    @Test
    void aProjectForAProgrammeLeadOutsideItsTeam() {
        PageAudit.audit(asLead, "/projects/" + falls, ProjectDemo.FALLS, page -> {
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change the team"))).isVisible();
            assertThat(button(page, "Confirm score")).hasCount(0);
        });
    }

    @Test
    void theTeamWithPeopleFound() {
        String sponsor = site.account(Role.SPONSOR).personName();
        PageAudit.audit(asParticipant, "/projects/" + falls + "/team?find=" + java.net.URLEncoder.encode(sponsor, StandardCharsets.UTF_8),
                "Team", page -> assertThat(page.getByText("People matching")).isVisible());
    }

    @Test
    void aMeasureWithItsChartTableAndARefusedFile() {
        PageAudit.audit(asParticipant, "/measures/" + fallsRate, "Falls per 1,000 bed days", page -> {
            assertThat(page.getByRole(AriaRole.TABLE)).containsText("Shift");
            page.getByLabel("Or import values from a CSV file").setInputFiles(new FilePayload("bad.csv", "text/csv",
                    "date,value\n2030-01-01,lots\n".getBytes(StandardCharsets.UTF_8)));
            button(page, "Import values").click();
            assertThat(page.locator(".govuk-error-summary")).containsText("Line 2");
        });
    }

    @Test
    void theProjectFormWithErrors() {
        PageAudit.audit(asParticipant, "/projects/new", "Start a project", page -> {
            page.getByLabel("Ends on (optional)").fill("2020-01-01");
            page.getByLabel("Starts on (optional)").fill("2021-01-01");
            button(page, "Save").click();
            assertThat(page.locator(".govuk-error-summary")).containsText("Enter the project's title");
        });
    }

    @Test
    void theMeasureFormWithErrors() {
        PageAudit.audit(asParticipant, "/projects/" + falls + "/measures/new", "Add a measure", page -> {
            button(page, "Save").click();
            assertThat(page.locator(".govuk-error-summary")).containsText("Enter the measure's name");
        });
    }

    @Test
    void thePdsaFormWithErrors() {
        PageAudit.audit(asParticipant, "/projects/" + falls + "/cycles/new", "Add a PDSA cycle", page -> {
            page.getByLabel("Adopt: keep the change").check();
            button(page, "Save").click();
            assertThat(page.locator(".govuk-error-summary")).containsText("Study the results against the prediction");
        });
    }
}
