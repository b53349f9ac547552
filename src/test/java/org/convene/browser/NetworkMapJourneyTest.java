package org.convene.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.convene.accounts.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The programme lead opens the network map of the demo place with the most matches, filters it to
 * matches that met, opens the table view, and downloads the place's impact report; axe checks the
 * map, the table and the dashboard. The map must draw without a CSP violation or a script error.
 */
@Tag("browser")
class NetworkMapJourneyTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static DemoSite site;
    private static BrowserContext asLead;
    private static long place;

    @BeforeAll
    static void start() {
        site = DemoSite.start();
        asLead = site.signedIn(chromium, site.account(Role.PROGRAMME_LEAD).email());
        place = site.app.jdbi().withHandle(h -> h.createQuery("SELECT p.place_id FROM ties t JOIN people p ON p.id = t.person_a "
                + "JOIN people q ON q.id = t.person_b WHERE t.source = 'matching' AND p.place_id = q.place_id "
                + "GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1").mapTo(Long.class).one());
    }

    @AfterAll
    static void stop() {
        if (asLead != null) {
            asLead.close();
        }
        if (site != null) {
            site.close();
        }
    }

    private static int drawn(Page page, String what) {
        Locator map = page.locator("#network-map[data-nodes]");
        map.waitFor();
        return Integer.parseInt(map.getAttribute("data-" + what));
    }

    @Test
    void theMapOfThePlaceFilteredToMatchesItsTableAndTheImpactReport() throws Exception {
        long matchingTies = site.app.jdbi().withHandle(h -> h.createQuery("SELECT count(DISTINCT (t.person_a, t.person_b)) FROM ties t "
                + "JOIN people p ON p.id = t.person_a JOIN people q ON q.id = t.person_b WHERE t.source = 'matching' "
                + "AND p.place_id = :pl AND q.place_id = :pl AND t.ended_on IS NULL").bind("pl", place).mapTo(Long.class).one());
        assertThat(matchingTies).as("the demo place has matches that met").isPositive();
        Page page = asLead.newPage();
        PageProblems problems = PageProblems.watch(page);
        page.navigate("/network");
        page.getByLabel("Whose network").selectOption(new com.microsoft.playwright.options.SelectOption().setValue("place:" + place));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the figures")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the network map")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("The network map"))).isVisible();
        int everyone = drawn(page, "nodes");
        int allTies = drawn(page, "edges");
        assertThat(everyone).isGreaterThan(10);
        assertThat(page.locator("#network-status")).containsText(everyone + " people and " + allTies + " ties");
        assertThat(page.locator("#network-legend li").first()).isVisible();

        page.getByLabel("Matches that met").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the network")).click();
        assertThat(page.getByLabel("Matches that met")).isChecked();
        assertThat(drawn(page, "edges")).as("only the ties from matches").isEqualTo((int) matchingTies).isLessThan(allTies);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Show as a table")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("The network as a table"))).isVisible();
        assertThat(page.getByLabel("Matches that met")).isChecked(); // the filters carry over
        assertThat(page.locator("#network-people tbody tr").first()).isVisible();
        assertThat(page.locator("#network-people caption")).containsText("People (" + everyone + ")");

        page.navigate("/impact?scope=place:" + place);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Impact: ")))).isVisible();
        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download PDF")).click());
        assertThat(download.failure()).isNull();
        assertThat(download.suggestedFilename()).startsWith("impact-").endsWith(".pdf");
        byte[] pdf = Files.readAllBytes(download.path());
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        problems.assertNone("The network map, its table and the impact report");
        page.close();
    }

    @Test
    void theMapTheTableAndTheDashboardPassAxe() {
        PageAudit.audit(asLead, "/network/map?slice=place:" + place, "The network map", page -> drawn(page, "nodes"));
        PageAudit.audit(asLead, "/network/map?view=table&slice=place:" + place, "The network as a table",
                page -> assertThat(page.locator("#network-people tbody tr").first()).isVisible());
        String name = site.app.jdbi().withHandle(h -> h.createQuery("SELECT name FROM places WHERE id = :id").bind("id", place).mapTo(String.class).one());
        PageAudit.audit(asLead, "/impact?scope=place:" + place, "Impact: " + name,
                page -> assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download PDF"))).isVisible());
        PageAudit.audit(asLead, "/impact/ties?scope=place:" + place, "New relationships", page -> { });
    }
}
