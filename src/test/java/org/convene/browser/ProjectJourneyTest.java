package org.convene.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.convene.accounts.Role;
import org.convene.demo.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 5's browser journey for improvement projects, in real Chromium with JavaScript switched off
 * (every step is a plain form): a participant starts a project, adds an outcome measure, imports its
 * data from a CSV file, and sees the run chart with the shift flagged on the chart and in the table.
 */
@Tag("browser")
class ProjectJourneyTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static DemoSite site;

    @BeforeAll
    static void start() {
        site = DemoSite.start();
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void aParticipantStartsAProjectImportsDataAndSeesTheShiftOnTheRunChart() {
        DemoData.DemoAccount me = site.account(Role.PARTICIPANT);
        BrowserContext context = chromium.newContext(site.app, false);
        try {
            Page page = context.newPage();
            PageProblems problems = PageProblems.watch(page);
            DemoSite.signIn(page, me.email(), site.password());

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Projects").setExact(true)).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start a project")).click();
            page.getByLabel("Title").fill("Quicker pain relief in A&E");
            page.getByLabel("Aim statement (optional)").fill("Give 90% of patients in pain relief within 30 minutes of arrival by June");
            page.getByLabel("Active").check();
            button(page, "Save").click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Quicker pain relief in A&E");
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("has been started");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a measure")).click();
            page.getByLabel("Name").fill("Minutes to pain relief");
            page.getByLabel("Outcome: the result for people, what the aim is about").check();
            page.getByLabel("Lower is better").check();
            page.getByLabel("Unit (optional)").fill("median minutes, per week");
            page.getByLabel("Baseline (optional)").fill("8");
            button(page, "Save").click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Minutes to pain relief");
            assertThat(page.getByText("No data yet")).isVisible();

            // Eight weeks around 50 minutes, then eight weeks around 30 after the change: a shift below the median.
            double[] minutes = {52, 48, 55, 47, 51, 49, 53, 54, 31, 28, 33, 30, 27, 32, 29, 31};
            StringBuilder csv = new StringBuilder("date,value,note\n");
            LocalDate week = LocalDate.of(2025, 1, 6);
            for (int i = 0; i < minutes.length; i++) {
                csv.append(week.plusWeeks(i)).append(',').append(minutes[i]).append(i == 8 ? ",nurse-led analgesia started\n" : ",\n");
            }
            page.getByLabel("Or import values from a CSV file").setInputFiles(new FilePayload("pain.csv", "text/csv",
                    csv.toString().getBytes(StandardCharsets.UTF_8)));
            button(page, "Import values").click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("16 values imported");

            Locator chart = page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Minutes to pain relief"));
            assertThat(chart).isVisible();
            assertThat(chart.locator("g.point.shift")).hasCount(8);
            assertThat(chart.locator("g.point.shift rect")).hasCount(8); // drawn as squares
            assertThat(chart.locator("g.bracket.shift")).containsText("Shift below");
            assertThat(chart.locator("desc")).containsText("Shift: 8 points below the median, 3 Mar 25 to 21 Apr 25.");
            assertThat(page.getByText("Shift: 8 points below the median (improving), 3 March 2025 to 21 April 2025")).isVisible();
            Locator shiftedRow = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("nurse-led analgesia started"));
            assertThat(shiftedRow).containsText("3 March 2025");
            assertThat(shiftedRow).containsText("Shift");
            assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("6 January 2025")))
                    .not().containsText("Shift");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Quicker pain relief in A&E")).click();
            assertThat(page).hasURL(Pattern.compile("/projects/\\d+$"));
            assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Minutes to pain relief"))).isVisible();
            problems.assertNone("Starting a project and importing its data");
        } finally {
            context.close();
        }
    }
}
