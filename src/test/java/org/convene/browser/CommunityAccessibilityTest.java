package org.convene.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.convene.accounts.Role;
import org.convene.communities.Communities;
import org.convene.communities.Community;
import org.convene.communities.Discussions;
import org.convene.ideas.Ideas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * axe-core (WCAG 2.0-2.2 A and AA) on the community pages, in real Chromium, on the demo's
 * communities: the list, the start form with errors, a community for a member (its discussions and
 * the new-discussion form with errors) and for its convenor (its people, events, ideas and
 * resources), the edit form with errors, a discussion with Markdown, the members list filtered as
 * the directory is (for a member and for a convenor), the resources page (its form with errors, and
 * the convenor's pin and delete buttons), a request waiting for its convenor, an ideas board and an
 * idea; and members' journeys: start a discussion and reply to it, and upload a file.
 */
@Tag("browser")
class CommunityAccessibilityTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static DemoSite site;
    private static Community discharge;
    private static Community carers;
    private static BrowserContext asParticipant;
    private static BrowserContext asFacilitator;

    @BeforeAll
    static void start() {
        site = DemoSite.start();
        Communities communities = new Communities(site.app.jdbi());
        discharge = communities.list(null).stream().filter(c -> c.name().equals("Discharge to home")).findFirst().orElseThrow();
        carers = communities.list(null).stream().filter(c -> c.name().equals("Carers' circle")).findFirst().orElseThrow();
        asParticipant = site.signedIn(chromium, site.account(Role.PARTICIPANT).email());
        asFacilitator = site.signedIn(chromium, site.account(Role.FACILITATOR).email());
    }

    @AfterAll
    static void stop() {
        for (BrowserContext c : new BrowserContext[] {asParticipant, asFacilitator}) {
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
    void theListAndTheStartFormWithErrors() {
        PageAudit.audit(asParticipant, "/communities", "Communities of practice", page ->
                assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Discharge to home")).first()).isVisible());
        PageAudit.audit(asParticipant, "/communities/new", "Start a community", page -> {
            button(page, "Start the community").click();
            assertThat(page.locator(".govuk-error-summary")).isVisible();
            assertThat(page.getByText("Enter a name for the community").first()).isVisible();
        });
    }

    @Test
    void aCommunityForAMemberWithItsDiscussionsAndMembers() {
        PageAudit.audit(asParticipant, "/communities/" + discharge.id(), "Discharge to home", page -> {
            assertThat(page.getByText("Pinned").first()).isVisible();
            button(page, "Post").click();
            assertThat(page.getByText("Give the discussion a title").first()).isVisible();
        });
        PageAudit.audit(asParticipant, "/communities/" + discharge.id() + "/members", "Members", page -> {
            assertThat(page.getByText("Convenor").first()).isVisible();
            page.getByLabel("Interest").selectOption("hospital discharge");
            assertThat(page.locator("#result-count")).containsText("members match");
            assertThat(page).hasURL(Pattern.compile(".*interest=hospital(\\+|%20)discharge.*"));
        });
        long pinned = new Discussions(site.app.jdbi()).ofCommunity(discharge.id()).get(0).id();
        PageAudit.audit(asParticipant, "/discussions/" + pinned, "Friday discharge huddles: what works?", page ->
                assertThat(page.locator(".convene-markdown strong").first()).hasText("15-minute huddle"));
    }

    @Test
    void oneSearchAcrossEverything() {
        PageAudit.audit(asParticipant, "/search", "Search", page -> {
            page.getByLabel("Search people, communities, discussions, events, ideas and projects").fill("discharge");
            button(page, "Search").click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Communities"))).isVisible();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Discharge to home")).first()).isVisible();
        });
    }

    @Test
    void theIdeasBoardAndAnIdea() {
        PageAudit.audit(asParticipant, "/ideas?community=" + discharge.id(), "Ideas", page -> {
            button(page, "Propose the idea").click();
            assertThat(page.getByText("Give the idea a title").first()).isVisible();
        });
        long party = new Ideas(site.app.jdbi(), "http://localhost").board(discharge.id()).get(0).id();
        PageAudit.audit(asFacilitator, "/ideas/" + party, "A co-produced winter party", page -> {
            assertThat(page.getByText("8 votes")).isVisible();
            assertThat(page.getByLabel("The event it became")).isVisible();
            button(page, "Vote for this idea").click();
            assertThat(page.getByText("9 votes")).isVisible();
        });
    }

    @Test
    void aRequestWaitingForItsConvenorAndTheRequesterView() {
        PageAudit.audit(asParticipant, "/communities/" + carers.id(), "Carers' circle", page ->
                assertThat(page.getByText("Your request to join is with the convenors")).isVisible());
    }

    @Test
    void aMemberStartsADiscussionAndReplies() {
        PageAudit.audit(asParticipant, "/communities/" + discharge.id(), "Discharge to home", page -> {
            page.getByLabel("Title").fill("Equipment delays");
            page.getByLabel("Your post").fill("Beds wait for **hoists**. Who orders them?");
            button(page, "Post").click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Equipment delays").setLevel(1))).isVisible();
            page.getByLabel("Your reply").fill("The community equipment service, via the ward's OT.");
            button(page, "Reply").click();
            assertThat(page.getByText("The community equipment service, via the ward's OT.")).isVisible();
        });
    }

    @Test
    void theConvenorSeesTheCommunityInBriefAndChangesIt() {
        PageAudit.audit(asFacilitator, "/communities/" + discharge.id(), "Discharge to home", page -> {
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("People"))).isVisible();
            assertThat(page.getByText("places)").first()).isVisible();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("A co-produced winter party"))).isVisible();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Friday huddle checklist"))).isVisible();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                    .setName(Pattern.compile("^All \\d+ resources$")))).isVisible();
        });
        PageAudit.audit(asFacilitator, "/communities/" + discharge.id() + "/edit", "Change the community", page -> {
            assertThat(page.getByLabel("Name")).hasValue("Discharge to home");
            page.getByLabel("Name").fill("");
            button(page, "Save the changes").click();
            assertThat(page.locator(".govuk-error-summary")).isVisible();
            assertThat(page.getByText("Enter a name for the community").first()).isVisible();
        });
        PageAudit.audit(asFacilitator, "/communities/" + discharge.id() + "/members", "Members", page ->
                assertThat(buttonFor(page, "Make a convenor", firstMember(page))).isVisible());
    }

    /** A button whose visible text is {@code action} and whose hidden rest names what it acts on. */
    private static Locator buttonFor(Page page, String action, String what) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^" + literal(action) + "\\W+" + literal(what) + "$")));
    }

    /** Text escaped for a regular expression that runs in the browser (JavaScript knows no \Q...\E). */
    private static String literal(String text) {
        return text.replaceAll("[.*+?^${}()|\\[\\]\\\\]", "\\\\$0");
    }

    private static String firstMember(Page page) {
        return page.locator("#results tbody tr").nth(1).getByRole(AriaRole.LINK).first().textContent().trim();
    }

    @Test
    void theResourcesPageWithItsFormsErrorsAndTheConvenorsButtons() {
        PageAudit.audit(asParticipant, "/communities/" + discharge.id() + "/resources", "Resources", page -> {
            assertThat(page.getByText("Pinned").first()).isVisible();
            assertThat(page.getByText("delays-by-week.csv (CSV, 1 kB)")).isVisible();
            button(page, "Add the resource").click();
            assertThat(page.locator(".govuk-error-summary")).isVisible();
            assertThat(page.getByText("Enter a link, or choose a file to upload").first()).isVisible();
        });
        PageAudit.audit(asFacilitator, "/communities/" + discharge.id() + "/resources", "Resources", page -> {
            assertThat(buttonFor(page, "Unpin", "Friday huddle checklist")).isVisible();
            assertThat(buttonFor(page, "Delete", "Delayed discharges by week")).isVisible();
        });
    }

    @Test
    void aMemberUploadsAFile() {
        PageAudit.audit(asParticipant, "/communities/" + discharge.id() + "/resources", "Resources", page -> {
            page.getByLabel("Title").fill("Who to call about equipment");
            page.getByLabel("Or a file").setInputFiles(new FilePayload("equipment-contacts.csv", "text/csv",
                    "service,phone\nCommunity equipment,0113 000 0000\n".getBytes(StandardCharsets.UTF_8)));
            button(page, "Add the resource").click();
            assertThat(page.getByText("File uploaded")).isVisible();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Who to call about equipment"))).isVisible();
        });
    }
}
