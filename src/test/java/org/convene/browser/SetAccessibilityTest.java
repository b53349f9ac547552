package org.convene.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import org.convene.accounts.Role;
import org.convene.demo.DemoData;
import org.convene.inquiries.Inquiries;
import org.convene.programmes.Enrolments;
import org.convene.programmes.CohortInput;
import org.convene.programmes.Programmes;
import org.convene.sets.SetMeeting;
import org.convene.sets.SetMeetings;
import org.convene.sets.Sets;
import org.convene.web.Html;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Action learning sets in real Chromium with axe-core (WCAG 2.0-2.2 A and AA) on every page: the
 * facilitator's board for the demo cohort (published sets, and the years form with errors), a
 * set's page and its meeting record for a member, the meeting form with errors, the home page with
 * actions, coaching conversations and the GROW form with errors, the set's Appreciative Inquiry sessions, one
 * session and the planning form with errors; and the journey: form sets for the demo's next cohort, move a member with htmx, publish.
 */
@Tag("browser")
class SetAccessibilityTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static DemoSite site;
    private static long cohort;
    private static long set;
    private static SetMeeting meeting;
    private static BrowserContext asLead;
    private static BrowserContext asParticipant;

    @BeforeAll
    static void start() {
        site = DemoSite.start();
        cohort = site.demo.programme().cohortId();
        DemoData.DemoAccount participant = site.account(Role.PARTICIPANT);
        Sets sets = new Sets(site.app.jdbi());
        set = sets.publishedSetOf(cohort, participant.personId()).orElseThrow();
        meeting = new SetMeetings(site.app.jdbi()).list(set).get(0);
        asLead = site.signedIn(chromium, site.account(Role.PROGRAMME_LEAD).email());
        asParticipant = site.signedIn(chromium, participant.email());
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
    void theBoardOfPublishedSets() {
        PageAudit.audit(asLead, "/cohorts/" + cohort + "/sets", "Action learning sets", page -> {
            assertThat(page.getByText("Published", new Page.GetByTextOptions().setExact(true))).isVisible();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Set 6").setExact(false))).isVisible();
        });
    }

    @Test
    void theYearsAndBandsFormWithErrors() {
        PageAudit.audit(asLead, "/cohorts/" + cohort + "/sets", "Action learning sets", page -> {
            page.locator("input[name^=band-]").first().fill("12");
            button(page, "Save years and bands").click();
            assertThat(page.locator(".govuk-error-summary")).isVisible();
            assertThat(page.getByText("Band is a whole number from 1 to 9").first()).isVisible();
        });
    }

    @Test
    void aSetForItsMember() {
        PageAudit.audit(asParticipant, "/sets/" + set, "Action learning " + new Sets(site.app.jdbi()).getSet(set).name().toLowerCase(),
                page -> assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record a meeting"))).isVisible());
    }

    @Test
    void aMeetingRecord() {
        PageAudit.audit(asParticipant, "/set-meetings/" + meeting.id(), "Meeting on " + Html.dateTime(meeting.startsAt()), page ->
                assertThat(page.getByText("Shadow the discharge coordinator for a morning").first()).isVisible());
    }

    @Test
    void theMeetingFormWithErrors() {
        PageAudit.audit(asParticipant, "/sets/" + set + "/meetings/new", "Record a meeting", page -> {
            page.getByLabel("Action 1", new Page.GetByLabelOptions().setExact(true)).fill("Call the council");
            button(page, "Save the meeting").click();
            assertThat(page.locator(".govuk-error-summary")).isVisible();
            assertThat(page.getByText("Enter the date of the meeting").first()).isVisible();
        });
    }

    @Test
    void theSetsAppreciativeInquirySessions() {
        PageAudit.audit(asParticipant, "/sets/" + set + "/inquiries", "Appreciative Inquiry sessions", page ->
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Discharge at its best")).click());
        PageAudit.audit(asParticipant, "/inquiries/" + new Inquiries(site.app.jdbi()).ofSet(set).get(0).id(), "Discharge at its best", page ->
                assertThat(page.getByText("Invite the housing officer to one ward huddle").first()).isVisible());
    }

    @Test
    void theInquiryPlanningFormWithErrors() {
        PageAudit.audit(asParticipant, "/sets/" + set + "/inquiries/new", "Plan an Appreciative Inquiry session", page -> {
            page.getByLabel("Affirmative topic").fill("Good days at home");
            button(page, "Save the plan").click();
            assertThat(page.locator(".govuk-error-summary")).isVisible();
            assertThat(page.getByText("Enter a title for the session").first()).isVisible();
        });
    }

    @Test
    void theHomePageWithActions() {
        PageAudit.audit(asParticipant, "/", "Convene", page -> {
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your actions"))).isVisible();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your action learning sets"))).isVisible();
        });
    }

    @Test
    void coachingConversationsAndTheGrowFormWithErrors() {
        PageAudit.audit(asParticipant, "/coaching", "Coaching conversations", page ->
                assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record a conversation"))).isVisible());
        PageAudit.audit(asParticipant, "/coaching/new", "Record a coaching conversation", page -> {
            page.getByLabel("Email address of the person you coached").fill("lead@" + DemoData.DEMO_DOMAIN);
            button(page, "Save the conversation").click();
            assertThat(page.locator(".govuk-error-summary")).isVisible();
            assertThat(page.getByText("Write down the goal of the conversation").first()).isVisible();
        });
    }

    @Test
    void formingMovingAndPublishingSetsForTheDemosNextCohort() {
        Programmes programmes = new Programmes(site.app.jdbi());
        long programme = programmes.cohort(cohort).programmeId();
        long fresh = programmes.cohorts(programme).stream().filter(c -> c.name().equals("Cohort 2")).findFirst().orElseThrow().id();
        PageAudit.audit(asLead, "/cohorts/" + fresh + "/sets", "Action learning sets", page -> {
            assertThat(button(page, "Form sets")).isVisible();
            page.getByLabel("People in a set").fill("5");
            button(page, "Form sets").click();
            assertThat(page.getByText("Sets formed")).isVisible();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Set 3").setExact(false))).isVisible();
            // Move the first member of set 1 into set 2, with the keyboard-usable select and button (htmx swaps the board).
            Locator firstRow = page.locator("#sets-board table").first().locator("tbody tr").first();
            String name = firstRow.locator("td").first().locator("a").innerText();
            firstRow.locator("select").selectOption("2");
            firstRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move " + name)).click();
            assertThat(page.getByText(name + " moved to set 2 and locked there").first()).isVisible();
            assertThat(page.locator("#sets-board table").nth(1).getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName(name).setExact(true))).isVisible();
            button(page, "Publish the sets to their members").click();
            assertThat(page.getByText("Sets published: members can now see their set")).isVisible();
        });
    }
}
