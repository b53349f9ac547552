package org.convene.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.convene.accounts.Role;
import org.convene.demo.DemoData;
import org.convene.programmes.CohortInput;
import org.convene.programmes.Enrolments;
import org.convene.programmes.ModuleInput;
import org.convene.programmes.Programmes;
import org.convene.surveys.Distribution;
import org.convene.surveys.Responses;
import org.convene.surveys.SurveyKind;
import org.convene.surveys.SurveyLinks;
import org.convene.surveys.Surveys;
import org.convene.testing.TestApp;
import org.jdbi.v3.core.Jdbi;

/**
 * The whole app on a fresh database filled with a small, realistic demo region (a fixed seed, so
 * every run sees the same people), plus the steps every browser test takes through its forms.
 */
final class DemoSite implements AutoCloseable {
    static final long SEED = 20240611L;
    static final int PEOPLE = 300;
    static final String ADMIN_EMAIL = "admin@test.example";
    static final String ADMIN_PASSWORD = "admin password 123";

    final TestApp app;
    final DemoData.Result demo;

    private DemoSite(TestApp app, DemoData.Result demo) {
        this.app = app;
        this.demo = demo;
    }

    static DemoSite start() {
        TestApp app = TestApp.start();
        try {
            DemoData.Result demo = DemoData.load(app.jdbi(), SEED, PEOPLE, false);
            if (demo == null) {
                throw new IllegalStateException("The demo region did not load: the fresh database already had people");
            }
                return new DemoSite(app, demo);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    @Override
    public void close() {
        app.close();
    }

    Jdbi jdbi() {
        return app.jdbi();
    }

    DemoData.DemoAccount account(Role role) {
        return demo.accounts().stream().filter(a -> a.role() == role).findFirst()
                .orElseThrow(() -> new IllegalStateException("No demo account for " + role));
    }

    String password() {
        return demo.password();
    }

    /** Signs in through the login form, as a person would, and checks it worked. */
    /** A browser context signed in as this demo account. */
    BrowserContext signedIn(Chromium chromium, String email) {
        BrowserContext context = chromium.newContext(app, true);
        Page page = context.newPage();
        signIn(page, email, password());
        page.close();
        return context;
    }

    static void signIn(Page page, String email, String password) {
        page.navigate("/login");
        signInHere(page, email, password);
    }

    /** Fills in the sign-in form already on screen (for example after being sent there from another page). */
    static void signInHere(Page page, String email, String password) {
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in to Convene"))).isVisible();
        page.getByLabel("Email address").fill(email);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
    }

    /** A second cohort of the demo programme, with surveys open for the person it was made for. */
    record OpenSurveys(long cohortId, long feedbackSurvey, long endSurvey, long draftSurvey, String feedbackLink) {
    }

    /**
     * Adds "Cohort 3" to the demo programme (the demo itself has Cohorts 1 and 2): this person and
     * four others, a module yesterday whose feedback survey is open, the end-of-programme survey open, and a baseline survey still a draft.
     * {@code feedbackLink} is the person's personal link (a path) to the feedback survey.
     */
    OpenSurveys openSurveysFor(long personId) {
        Jdbi jdbi = jdbi();
        var programmes = new Programmes(jdbi);
        var surveys = new Surveys(jdbi);
        var links = new SurveyLinks(jdbi);
        var distribution = new Distribution(jdbi, links, "http://localhost");
        LocalDate yesterday = LocalDate.now(ModuleInput.ZONE).minusDays(1);
        var cohort = programmes.createCohort(demo.programme().programmeId(), new CohortInput("Cohort 3",
                yesterday.minusWeeks(1).toString(), yesterday.plusMonths(5).toString(), true).validated());
        List<Long> people = new ArrayList<>(List.of(personId));
        people.addAll(jdbi.withHandle(h -> h.createQuery("SELECT id FROM people WHERE visibility = 'everyone' AND id <> :p ORDER BY id LIMIT 4")
                .bind("p", personId).mapTo(Long.class).list()));
        new Enrolments(jdbi).enrol(cohort.id(), people);
        var module = programmes.createModule(cohort.id(), new ModuleInput("Leading together: team dynamics",
                "Team dynamics", yesterday.toString(), "09:30", "16:00", "Exeter", false, false, true, List.of()).validated());
        distribution.openDue(); // the module's feedback survey is due (the background job may have opened it already)
        long feedback = surveys.list(cohort.id()).stream().filter(s -> module.id() == (s.moduleId() == null ? -1 : s.moduleId()))
                .findFirst().orElseThrow().id();
        long end = surveys.create(cohort.id(), SurveyKind.END, null, true).id();
        distribution.openNow(end);
        long draft = surveys.create(cohort.id(), SurveyKind.BASELINE, null, true).id();
        for (long id : List.of(feedback, end)) {
            var survey = surveys.get(id);
            if (!survey.isOpen()) {
                throw new IllegalStateException(survey.title() + " did not open: " + survey.status());
            }
        }
        long invitation = new Responses(jdbi).invitationFor(feedback, personId).orElseThrow().id();
        return new OpenSurveys(cohort.id(), feedback, end, draft, "/s/" + links.token(invitation));
    }

    /** A person in the directory. */
    record Listed(long id, String name) {
    }

    /**
     * A sector and one interest that together match a handful of people (more than one, fewer than a
     * page) that the viewer can see, excluding the viewer themself; the busiest such pair, so the
     * choice is stable for a seed.
     */
    record Filter(String sectorCode, String sectorName, String interest, long sectorCount, long bothCount) {
    }

    Filter sectorAndInterest(long viewerPersonId) {
        return jdbi().withHandle(h -> h.createQuery("""
                        WITH visible AS (SELECT * FROM people WHERE visible_to(visibility, id, :self)),
                             pairs AS (SELECT v.sector_code, i AS interest, count(*) AS n
                                         FROM visible v, unnest(v.interests) i
                                        GROUP BY v.sector_code, i)
                        SELECT p.sector_code, s.name AS sector_name, p.interest, p.n AS both_count,
                               (SELECT count(*) FROM visible v WHERE v.sector_code = p.sector_code) AS sector_count
                          FROM pairs p JOIN sectors s ON s.code = p.sector_code
                         WHERE p.n BETWEEN 3 AND 15
                           AND p.interest IN (SELECT name FROM topics)
                           AND NOT EXISTS (SELECT 1 FROM people me WHERE me.id = :self
                                            AND me.sector_code = p.sector_code AND p.interest = ANY (me.interests))
                         ORDER BY p.n DESC, p.sector_code, p.interest
                         LIMIT 1""")
                .bind("self", viewerPersonId)
                .map((rs, ctx) -> new Filter(rs.getString("sector_code"), rs.getString("sector_name"), rs.getString("interest"),
                        rs.getLong("sector_count"), rs.getLong("both_count")))
                .one());
    }

    /** "1 person matches." / "12 people match." / "... ; showing 1 to 20." as the results page words it. */
    static String countText(long total, int pageSize) {
        if (total == 0) {
            return "No people match.";
        }
        String text = String.format("%,d", total) + (total == 1 ? " person matches" : " people match");
        if (total > pageSize) {
            text += "; showing 1 to " + pageSize;
        }
        return text + ".";
    }
}
