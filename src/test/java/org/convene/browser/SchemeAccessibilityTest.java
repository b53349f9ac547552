package org.convene.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.convene.accounts.Role;
import org.convene.demo.DemoData;
import org.convene.demo.MatchingDemo;
import org.convene.schemes.MatchGroup;
import org.convene.schemes.Rounds;
import org.convene.matching.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * axe-core (WCAG 2.0-2.2 A and AA) on the matching scheme pages of issue 4, in real Chromium, on the
 * demo region's "Brew and Biscuits" scheme after three rounds: the list, the scheme page for a
 * member and for the lead's dashboard, the join form (with errors), the scheme form (with errors),
 * the members, a round, your matches and a match with its feedback form (with errors).
 */
@Tag("browser")
class SchemeAccessibilityTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static DemoSite site;
    private static long scheme;
    private static long round;
    private static long match;
    private static BrowserContext asLead;
    private static BrowserContext asParticipant;

    @BeforeAll
    static void start() {
        site = DemoSite.start();
        scheme = site.demo.matching().schemeId();
        DemoData.DemoAccount participant = site.account(Role.PARTICIPANT);
        Rounds rounds = new Rounds(site.app.jdbi(), new Matcher(), "http://localhost");
        round = rounds.rounds(scheme).get(0).id();
        match = rounds.matchesOf(participant.personId()).stream().findFirst().map(MatchGroup::id).orElseThrow();
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
    void schemesList() {
        PageAudit.audit(asParticipant, "/schemes", "Matching schemes", page ->
                assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(MatchingDemo.SCHEME))).isVisible());
    }

    @Test
    void aSchemeForAMember() {
        PageAudit.audit(asParticipant, "/schemes/" + scheme, MatchingDemo.SCHEME, page ->
                assertThat(button(page, "Skip the next round")).isVisible());
    }

    @Test
    void aSchemesDashboardForTheLead() {
        PageAudit.audit(asLead, "/schemes/" + scheme, MatchingDemo.SCHEME, page -> {
            assertThat(page.getByText("Who keeps being left out")).isVisible();
            assertThat(button(page, "Run the next round now")).isVisible();
        });
    }

    @Test
    void theJoinFormWithErrors() {
        PageAudit.audit(asParticipant, "/schemes/" + scheme + "/join", "Take part", page -> {
            page.getByLabel("What I can offer").fill("x".repeat(2001));
            button(page, "Save and take part").click();
            assertThat(page.locator(".govuk-error-summary")).isVisible();
        });
    }

    @Test
    void theSchemeFormWithErrors() {
        PageAudit.audit(asLead, "/schemes/new", "Create a matching scheme", page -> {
            button(page, "Save").click();
            assertThat(page.locator(".govuk-error-summary")).isVisible();
        });
    }

    @Test
    void members() {
        PageAudit.audit(asLead, "/schemes/" + scheme + "/members", "Members", page ->
                assertThat(page.locator("table")).isVisible());
    }

    @Test
    void aRound() {
        PageAudit.audit(asLead, "/rounds/" + round, "Round 3", page ->
                assertThat(page.getByText("Groups", new Page.GetByTextOptions().setExact(true))).isVisible());
    }

    @Test
    void yourMatches() {
        PageAudit.audit(asParticipant, "/matches", "Your matches", page ->
                assertThat(page.getByText("People you blocked")).isVisible());
    }

    @Test
    void aMatchWithItsFeedbackFormAndErrors() {
        PageAudit.audit(asParticipant, "/matches/" + match, "Your match", page -> {
            page.getByLabel("No, not this time").check();
            page.getByLabel("5", new Page.GetByLabelOptions().setExact(true)).check();
            button(page, "Save").click();
            assertThat(page.getByText("Rate the meeting only if you met").first()).isVisible();
        });
    }
}
