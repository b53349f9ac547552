package org.convene.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.regex.Pattern;
import org.convene.accounts.Role;
import org.convene.demo.DemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The directory and survey answering with JavaScript switched off (so no htmx, no GOV.UK Frontend
 * scripts): signing in, searching and answering are plain forms and links, and must work the same.
 */
@Tag("browser")
class NoJavaScriptTest {
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

    @Test
    void searchingTheDirectoryWorksWithoutJavaScript() {
        DemoData.DemoAccount me = site.account(Role.PARTICIPANT);
        DemoSite.Filter filter = site.sectorAndInterest(me.personId());
        long visible = site.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM people WHERE visible_to(visibility, id, :me)")
                .bind("me", me.personId()).mapTo(Long.class).one());

        BrowserContext context = chromium.newContext(site.app, false);
        try {
            Page page = context.newPage();
            PageProblems problems = PageProblems.watch(page);
            DemoSite.signIn(page, me.email(), site.password());
            assertThat(page.locator("body")).not().hasClass(Pattern.compile("js-enabled")); // convene.js did not run

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("People").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Find people"))).isVisible();
            Locator count = page.locator("#result-count");
            assertThat(count).hasText(DemoSite.countText(visible, 20));

            // Choosing filters does nothing by itself; pressing Search loads the results page.
            page.getByLabel("Sector").selectOption(new SelectOption().setLabel(filter.sectorName()));
            page.getByLabel("Interest").selectOption(new SelectOption().setLabel(filter.interest()));
            assertThat(count).hasText(DemoSite.countText(visible, 20));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();

            assertThat(page).hasURL(Pattern.compile("/people\\?.*sector=" + filter.sectorCode() + ".*&interest="));
            assertThat(count).hasText(DemoSite.countText(filter.bothCount(), 20));
            Locator results = page.locator("#results").getByRole(AriaRole.LISTITEM);
            assertThat(results).hasCount((int) filter.bothCount());
            for (Locator result : results.all()) {
                assertThat(result).containsText(filter.sectorName());
                assertThat(result).containsText(filter.interest());
            }
            // The form shows the search that was made.
            assertThat(page.getByLabel("Sector")).hasValue(filter.sectorCode());
            assertThat(page.getByLabel("Interest")).hasValue(filter.interest());

            // Results pages are plain links.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("People").setExact(true)).click();
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Results pages"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next page")).click();
            assertThat(count).containsText("showing 21 to 40");

            problems.assertNone("The directory without JavaScript");
        } finally {
            context.close();
        }
    }

    @Test
    void answeringASurveyWorksWithoutJavaScript() {
        DemoData.DemoAccount me = site.account(Role.PARTICIPANT);
        DemoSite.OpenSurveys open = site.openSurveysFor(me.personId());
        String title = "Feedback on module 1: Leading together: team dynamics";

        BrowserContext context = chromium.newContext(site.app, false);
        try {
            Page page = context.newPage();
            PageProblems problems = PageProblems.watch(page);

            // Through the personal link in the email, not signed in: save, come back, send.
            page.navigate(open.feedbackLink());
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title))).isVisible();
            assertThat(page.locator("body")).not().hasClass(Pattern.compile("js-enabled"));
            answer(page, "This module was useful for my work", "Agree");
            page.getByLabel("What went well?").fill("Meeting people from social care");
            button(page, "Save and come back later").click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Your answers are saved");
            page.navigate(open.feedbackLink());
            assertThat(question(page, "This module was useful for my work").getByLabel("Agree", new Locator.GetByLabelOptions().setExact(true)))
                    .isChecked();
            assertThat(page.getByLabel("What went well?")).hasValue("Meeting people from social care");

            button(page, "Send my answers").click();
            Locator summary = page.getByRole(AriaRole.ALERT);
            assertThat(summary).containsText("There is a problem");
            assertThat(summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                    .setName("Answer this question: The pace of the module was"))).isVisible();
            answer(page, "There was enough time for discussion and working in groups", "Neither agree nor disagree");
            answer(page, "The pace of the module was", "About right");
            answer(page, "How likely are you to recommend this module to a colleague?", "8");
            button(page, "Send my answers").click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Thank you: your answers have been sent.");
            assertThat(page.getByText("You sent your answers on")).isVisible();

            // Signed in, from "Your surveys": the feedback shows as sent; the end survey saves as a plain form too.
            DemoSite.signIn(page, me.email(), site.password());
            page.navigate("/my/surveys");
            // (The demo's finished cohort had a feedback survey of the same title, so the row is the one linking to this survey.)
            Locator feedbackRow = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions()
                    .setHas(page.locator("a[href='/my/surveys/" + open.feedbackSurvey() + "']")));
            assertThat(feedbackRow).containsText("Sent");
            page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("To do"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("End of the programme: looking back")).click();
            Locator item = question(page, "I am confident speaking up, including when I see things differently");
            item.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Agree").setExact(true)).first().check();
            page.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions().setName("Before the programme, looking back")).nth(1)
                    .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Disagree").setExact(true)).check();
            button(page, "Save and come back later").click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Your answers are saved");
            assertThat(page).hasURL(site.app.url("/my/surveys/" + open.endSurvey()));
            assertThat(page.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions().setName("Before the programme, looking back")).nth(1)
                    .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Disagree").setExact(true))).isChecked();

            problems.assertNone("Answering a survey without JavaScript");
        } finally {
            context.close();
        }
    }

    private static Locator question(Page page, String prompt) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(prompt));
    }

    private static void answer(Page page, String prompt, String label) {
        question(page, prompt).getByLabel(label, new Locator.GetByLabelOptions().setExact(true)).check();
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
