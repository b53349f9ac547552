package org.convene.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.convene.accounts.Role;
import org.convene.communities.Communities;
import org.convene.communities.Community;
import org.convene.events.Event;
import org.convene.events.Events;
import org.convene.surveys.Surveys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * axe-core (WCAG 2.0-2.2 A and AA) on the event pages, in real Chromium, on the demo's film night:
 * the list with places, an event for someone registered and for its host (registrations and
 * check-in), the form with errors; and the journey: a convenor creates an event with capacity 2,
 * three people register (the third waitlisted), one cancels and the third is promoted. Then the
 * reminder and follow-up survey as the host sets them up (the survey's builder), the demo's past
 * workshop with its follow-up survey for its host (results) and an attendee (answering), and the
 * personal calendar feed page with getting a new address.
 */
@Tag("browser")
class EventAccessibilityTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static DemoSite site;
    private static Community discharge;
    private static Event film;
    private static Event workshop;
    private static long workshopSurvey;
    private static BrowserContext asParticipant;
    private static BrowserContext asFacilitator;
    private static BrowserContext asLead;
    private static BrowserContext asSponsor;

    @BeforeAll
    static void start() {
        site = DemoSite.start();
        discharge = new Communities(site.app.jdbi()).list(null).stream().filter(c -> c.name().equals("Discharge to home")).findFirst().orElseThrow();
        film = new Events(site.app.jdbi(), "http://localhost").ofCommunity(discharge.id()).get(0);
        long workshopId = site.app.jdbi().withHandle(h -> h.createQuery("SELECT id FROM events WHERE title = 'Friday huddles workshop'")
                .mapTo(Long.class).one());
        workshop = new Events(site.app.jdbi(), "http://localhost").get(workshopId);
        workshopSurvey = new Surveys(site.app.jdbi()).forEvent(workshopId).orElseThrow().id();
        asParticipant = site.signedIn(chromium, site.account(Role.PARTICIPANT).email());
        asFacilitator = site.signedIn(chromium, site.account(Role.FACILITATOR).email());
        asLead = site.signedIn(chromium, site.account(Role.PROGRAMME_LEAD).email());
        asSponsor = site.signedIn(chromium, site.account(Role.SPONSOR).email());
    }

    @AfterAll
    static void stop() {
        for (BrowserContext c : new BrowserContext[] {asParticipant, asFacilitator, asLead, asSponsor}) {
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
    void theListAndAnEventForSomeoneRegisteredAndForItsHost() {
        PageAudit.audit(asParticipant, "/events", "Events", page -> assertThat(page.getByText("14/20").first()).isVisible());
        PageAudit.audit(asParticipant, "/events/" + film.id(), film.title(), page ->
                assertThat(page.getByText("You are registered with 1 guest.")).isVisible());
        PageAudit.audit(asFacilitator, "/events/" + film.id(), film.title(), page -> {
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Registrations"))).isVisible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check in")).first().click();
            assertThat(page.getByText("Arrived: undo").first()).isVisible();
        });
    }

    @Test
    void theEventFormWithErrors() {
        PageAudit.audit(asFacilitator, "/events/new?community=" + discharge.id(), "Create an event", page -> {
            button(page, "Create the event").click();
            assertThat(page.locator(".govuk-error-summary")).isVisible();
            assertThat(page.getByText("Enter a title for the event").first()).isVisible();
        });
    }

    @Test
    void aFullEventsWaitlistMovesUpWhenSomeoneCancels() {
        String[] url = new String[1];
        PageAudit.audit(asFacilitator, "/events/new?community=" + discharge.id(), "Create an event", page -> {
            page.getByLabel("Title").fill("Co-production workshop");
            page.getByLabel("Date").fill("2030-06-04");
            page.getByLabel("Starts at").fill("10:00");
            page.getByLabel("Ends at").fill("12:00");
            page.getByLabel("Place", new Page.GetByLabelOptions().setExact(true)).fill("The Hub, Leeds");
            page.getByLabel("Places (optional)").fill("2");
            button(page, "Create the event").click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Co-production workshop").setLevel(1))).isVisible();
            url[0] = java.net.URI.create(page.url()).getPath();
        });
        PageAudit.audit(asParticipant, url[0], "Co-production workshop", page -> {
            button(page, "Register").click();
            assertThat(page.getByText("You are registered").first()).isVisible();
        });
        PageAudit.audit(asLead, url[0], "Co-production workshop", page -> {
            button(page, "Register").click();
            assertThat(page.getByText("2/2 taken")).isVisible();
        });
        PageAudit.audit(asSponsor, url[0], "Co-production workshop", page -> {
            button(page, "Join the waitlist").click();
            assertThat(page.getByText("You are on the waitlist").first()).isVisible();
        });
        PageAudit.audit(asParticipant, url[0], "Co-production workshop", page -> {
            button(page, "Cancel my registration").click();
            assertThat(page.getByText("Your registration is cancelled")).isVisible();
        });
        PageAudit.audit(asSponsor, url[0], "Co-production workshop", page ->
                assertThat(page.getByText("You are registered").first()).isVisible());
    }

    @Test
    void theHostSetsTheReminderAndAddsAFollowUpSurveyThenEditsItsQuestions() {
        PageAudit.audit(asFacilitator, "/events/" + film.id(), film.title(), page -> {
            page.getByLabel("When to remind people").selectOption("48");
            button(page, "Save the reminder").click();
            assertThat(page.getByText("Reminders will go 2 days before it starts")).isVisible();
            button(page, "Add a follow-up survey").click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("How was " + film.title() + "?").setLevel(1)))
                    .isVisible();
            assertThat(page.getByText("Overall, the event was worth my time")).isVisible();
            button(page, "Add question").click();
            assertThat(page.locator(".govuk-error-summary")).isVisible();
        });
    }

    @Test
    void aPastWorkshopsFollowUpForItsHostAndForSomeoneWhoCame() {
        String title = "How was " + workshop.title() + "?";
        PageAudit.audit(asFacilitator, "/events/" + workshop.id(), workshop.title(), page -> {
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Follow-up survey"))).isVisible();
            assertThat(page.getByText("This event is over.")).isVisible();
        });
        PageAudit.audit(asFacilitator, "/surveys/" + workshopSurvey, title, page ->
                assertThat(page.getByText("The survey has opened, so its questions are fixed.")).isVisible());
        PageAudit.audit(asFacilitator, "/surveys/" + workshopSurvey + "/results", "Results: " + title, page ->
                assertThat(page.getByText("7 responses from 10 people invited", new Page.GetByTextOptions().setExact(false))).isVisible());
        PageAudit.audit(asParticipant, "/my/surveys", "Your surveys", page ->
                assertThat(page.getByText("Event: " + workshop.title())).isVisible());
        PageAudit.audit(asParticipant, "/my/surveys/" + workshopSurvey, title, page -> {
            page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Overall, the event was worth my time"))
                    .getByLabel("Agree", new Locator.GetByLabelOptions().setExact(true)).check();
            page.getByLabel("What worked well? (optional)").fill("Meeting the housing team");
            button(page, "Send my answers").click();
            assertThat(page.getByText("Thank you: your answers have been sent.")).isVisible();
        });
    }

    @Test
    void thePersonalCalendarFeedPageAndANewAddress() {
        PageAudit.audit(asParticipant, "/events/calendar", "Your calendar feed", page -> {
            String before = page.getByLabel("Your calendar address").inputValue();
            org.assertj.core.api.Assertions.assertThat(before).contains("/calendar/").endsWith(".ics");
            button(page, "Get a new address").click();
            assertThat(page.getByText("the old one no longer works", new Page.GetByTextOptions().setExact(false))).isVisible();
            org.assertj.core.api.Assertions.assertThat(page.getByLabel("Your calendar address").inputValue()).isNotEqualTo(before);
        });
    }
}
