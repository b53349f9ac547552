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
 * The directory with JavaScript switched off (so no htmx, no GOV.UK Frontend scripts): signing in
 * and searching are plain forms and links, and must work the same.
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
        long visible = site.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM people WHERE listed")
                .mapTo(Long.class).one());

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
}
