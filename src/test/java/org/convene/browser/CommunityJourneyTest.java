package org.convene.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import org.convene.accounts.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The journey issue 6 names, in real Chromium, through the pages only, with axe on every page on
 * the way: a participant starts a community and posts in it, three people join; an event with
 * two places is created, three register (the third waitlisted), one cancels and the third is
 * promoted; an idea is proposed and voted for.
 */
@Tag("browser")
class CommunityJourneyTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static DemoSite site;
    private static BrowserContext founder;
    private static BrowserContext[] others;

    @BeforeAll
    static void start() {
        site = DemoSite.start();
        founder = site.signedIn(chromium, site.account(Role.PARTICIPANT).email());
        others = new BrowserContext[] {site.signedIn(chromium, site.account(Role.FACILITATOR).email()),
                site.signedIn(chromium, site.account(Role.PROGRAMME_LEAD).email()), site.signedIn(chromium, site.account(Role.SPONSOR).email())};
    }

    @AfterAll
    static void stop() {
        if (founder != null) {
            founder.close();
        }
        if (others != null) {
            for (BrowserContext c : others) {
                if (c != null) {
                    c.close();
                }
            }
        }
        if (site != null) {
            site.close();
        }
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static String path(Page page) {
        return URI.create(page.url()).getPath();
    }

    @Test
    void startPostMeetOnAWaitlistAndVote() {
        String[] at = new String[3];
        PageAudit.audit(founder, "/communities/new", "Start a community", page -> {
            page.getByLabel("Name").fill("Winter pressures, together");
            page.getByLabel("The problem you will work on, in a sentence").fill("Every winter the same people wait longest for care");
            button(page, "Start the community").click();
            assertThat(page.getByText("Community started: you are its convenor")).isVisible();
            at[0] = path(page);
            page.getByLabel("Title").fill("What happened last winter?");
            page.getByLabel("Your post").fill("Tell us **one thing** that helped.");
            button(page, "Post").click();
            assertThat(page.locator(".convene-markdown strong")).hasText("one thing");
        });
        for (BrowserContext other : others) {
            PageAudit.audit(other, at[0], "Winter pressures, together", page -> {
                button(page, "Join the community").click();
                assertThat(page.getByText("You have joined the community")).isVisible();
            });
        }
        PageAudit.audit(founder, at[0], "Winter pressures, together", page -> {
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create an event")).click();
            page.getByLabel("Title").fill("Winter planning workshop");
            page.getByLabel("Date").fill("2031-01-14");
            page.getByLabel("Starts at").fill("10:00");
            page.getByLabel("Ends at").fill("12:00");
            page.getByLabel("Place", new Page.GetByLabelOptions().setExact(true)).fill("The Hub, Leeds");
            page.getByLabel("Places (optional)").fill("2");
            button(page, "Create the event").click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Winter planning workshop").setLevel(1))).isVisible();
            at[1] = path(page);
        });
        String[] expected = {"You are registered", "You are registered", "You are on the waitlist"};
        String[] action = {"Register", "Register", "Join the waitlist"};
        for (int i = 0; i < 3; i++) {
            int n = i;
            PageAudit.audit(others[n], at[1], "Winter planning workshop", page -> {
                button(page, action[n]).click();
                assertThat(page.getByText(expected[n]).first()).isVisible();
            });
        }
        PageAudit.audit(others[0], at[1], "Winter planning workshop", page -> {
            button(page, "Cancel my registration").click();
            assertThat(page.getByText("Your registration is cancelled")).isVisible();
        });
        PageAudit.audit(others[2], at[1], "Winter planning workshop", page -> assertThat(page.getByText("You are registered").first()).isVisible());

        PageAudit.audit(founder, at[0], "Winter pressures, together", page -> {
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("The community's ideas board")).click();
            page.getByLabel("Your idea").fill("A winter buddy scheme");
            button(page, "Propose the idea").click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("A winter buddy scheme").setLevel(1))).isVisible();
            at[2] = path(page);
        });
        PageAudit.audit(others[1], at[2], "A winter buddy scheme", page -> {
            button(page, "Vote for this idea").click();
            assertThat(page.getByText("1 vote", new Page.GetByTextOptions().setExact(false)).first()).isVisible();
        });
    }
}
