package org.convene.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.regex.Pattern;
import org.convene.accounts.Role;
import org.convene.demo.DemoData;
import org.convene.ties.TieKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A participant's visit, in real Chromium with htmx and GOV.UK Frontend running: sign in, find
 * people by sector and interest with the live filters, read a profile, edit their own profile, and
 * record that they know someone. Everything is found the way a screen-reader user would find it
 * (role and accessible name, or a field's label), so a broken label fails here too.
 */
@Tag("browser")
class DirectoryJourneyTest {
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
    void aParticipantFindsPeopleEditsTheirProfileAndAddsAConnection() {
        DemoData.DemoAccount me = site.account(Role.PARTICIPANT);
        DemoSite.Filter filter = site.sectorAndInterest(me.personId());
        DemoSite.Listed other = firstResultWithoutTie(filter, me.personId());
        String newInterest = interestNotHeldBy(me.personId());
        String newTitle = "Browser-tested integrated care lead";

        try (Chromium.Watched w = chromium.newPage(site.app)) {
            Page page = w.page();

            // Asking for the directory first sends you to sign in, then back to the directory.
            page.navigate("/people");
            assertThat(page).hasURL(Pattern.compile("/login\\?next=%2Fpeople$"));
            DemoSite.signInHere(page, me.email(), site.password());
            assertThat(page).hasURL(site.app.url("/people"));
            assertThat(heading(page, "Find people")).isVisible();
            Locator count = page.locator("#result-count");
            assertThat(count).containsText("people match");
            page.evaluate("window.__sameDocument = true");

            // Live filters: each choice swaps #results in place (htmx), no page load.
            Locator sector = page.getByLabel("Sector");
            sector.selectOption(new SelectOption().setLabel(filter.sectorName()));
            assertThat(count).hasText(DemoSite.countText(filter.sectorCount(), 20));
            Locator interestFilter = page.getByLabel("Interest");
            interestFilter.focus();
            interestFilter.selectOption(new SelectOption().setLabel(filter.interest()));
            assertThat(count).hasText(DemoSite.countText(filter.bothCount(), 20));
            assertThat(page.getByRole(AriaRole.STATUS)).hasText(DemoSite.countText(filter.bothCount(), 20));
            assertThat(interestFilter).isFocused(); // a live filter leaves focus where the user is
            assertThat(page).hasURL(Pattern.compile("[?&]interest="));
            assertThat((Boolean) page.evaluate("window.__sameDocument === true"))
                    .as("the filters swapped the results in place instead of loading a new page").isTrue();

            Locator results = page.locator("#results").getByRole(AriaRole.LISTITEM);
            assertThat(results).hasCount((int) filter.bothCount());
            for (Locator result : results.all()) {
                assertThat(result).containsText(filter.sectorName());
                assertThat(result).containsText(filter.interest());
            }

            // Pressing Search (a submit, not a change) moves focus to the new count for screen-reader users.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();
            assertThat(count).isFocused();
            assertThat(count).hasText(DemoSite.countText(filter.bothCount(), 20));

            // A profile, opened from the results.
            page.locator("#results").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(other.name()).setExact(true)).click();
            assertThat(heading(page, other.name())).isVisible();
            assertThat(page).hasTitle(other.name() + " – Convene");
            assertThat(summaryValue(page, "Sector")).hasText(filter.sectorName());
            assertThat(summaryValue(page, "Interests").getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName(filter.interest()).setExact(true))).isVisible();

            // My own profile: edit the job title and tick an interest.
            Locator navigation = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Menu"));
            assertThat(navigation.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("People")))
                    .hasAttribute("aria-current", "true"); // on someone's profile, within People
            navigation.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("My profile")).click();
            assertThat(heading(page, me.personName())).isVisible();
            assertThat(navigation.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("My profile")))
                    .hasAttribute("aria-current", "page");
            assertThat(navigation.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("People")))
                    .not().hasAttribute("aria-current", Pattern.compile(".*"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit profile")).click();
            assertThat(heading(page, "Edit your profile")).isVisible();
            page.getByLabel("Job title").fill(newTitle);
            Locator interest = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Interests"))
                    .getByLabel(newInterest, new Locator.GetByLabelOptions().setExact(true));
            assertThat(interest).not().isChecked();
            interest.check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();

            assertThat(page).hasURL(site.app.url("/people/" + me.personId()));
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Profile saved");
            assertThat(heading(page, me.personName())).isVisible();
            assertThat(page.getByText(newTitle, new Page.GetByTextOptions().setExact(true))).isVisible();
            assertThat(summaryValue(page, "Interests").getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName(newInterest).setExact(true))).isVisible();

            // Back to the other person, found by name with the live text search; "Do you know ...?" records a connection.
            navigation.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("People")).click();
            assertThat(heading(page, "Find people")).isVisible();
            String everyone = count.textContent();
            page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true)).fill(other.name());
            assertThat(count).not().hasText(everyone);
            page.locator("#results").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(other.name()).setExact(true)).click();
            assertThat(heading(page, other.name())).isVisible();
            assertThat(heading(page, "Do you know " + other.name() + "?")).isVisible();
            page.getByLabel("How do you know each other?").selectOption(new SelectOption().setLabel(TieKind.MET_THROUGH.label()));
            page.getByLabel("Where or how did you meet? (optional)").fill("the discharge workshop in March");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add connection")).click();

            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Connection added");
            assertThat(heading(page, "Connections")).isVisible();
            Locator row = page.getByRole(AriaRole.TABLE).getByRole(AriaRole.ROW).filter(new Locator.FilterOptions()
                    .setHas(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(me.personName()).setExact(true))));
            assertThat(row).hasCount(1);
            assertThat(row).containsText("We met through the discharge workshop in March");

            w.problems().assertNone("The directory journey");
        }
    }

    private static Locator heading(Page page, String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The value beside a key in a GOV.UK summary list. */
    private static Locator summaryValue(Page page, String key) {
        return page.locator(".govuk-summary-list__row")
                .filter(new Locator.FilterOptions().setHas(page.locator("dt", new Page.LocatorOptions().setHasText(key))))
                .locator("dd");
    }

    /** The first person (in the directory's order) the filter finds who has no connection with me yet and a name no one else in the results shares. */
    private static DemoSite.Listed firstResultWithoutTie(DemoSite.Filter filter, long self) {
        return site.jdbi().withHandle(h -> h.createQuery("""
                        WITH results AS (
                          SELECT p.id, p.full_name FROM people p
                           WHERE visible_to(p.visibility, p.id, :self) AND p.sector_code = :sector AND p.interests @> ARRAY[:interest]::text[])
                        SELECT r.id, r.full_name FROM results r
                         WHERE r.id <> :self
                           AND NOT EXISTS (SELECT 1 FROM ties t WHERE t.ended_on IS NULL
                                             AND ((t.person_a = r.id AND t.person_b = :self) OR (t.person_b = r.id AND t.person_a = :self)))
                           AND (SELECT count(*) FROM results s WHERE s.full_name = r.full_name) = 1
                         ORDER BY lower(r.full_name), r.id LIMIT 1""")
                .bind("self", self).bind("sector", filter.sectorCode()).bind("interest", filter.interest())
                .map((rs, ctx) -> new DemoSite.Listed(rs.getLong("id"), rs.getString("full_name")))
                .one());
    }

    private static String interestNotHeldBy(long personId) {
        return site.jdbi().withHandle(h -> h.createQuery("""
                        SELECT t.name FROM topics t
                         WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.id = :id AND t.name = ANY (p.interests))
                         ORDER BY t.name LIMIT 1""")
                .bind("id", personId).mapTo(String.class).one());
    }
}
