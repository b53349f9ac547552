package org.convene.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.convene.accounts.Role;
import org.convene.demo.DemoData;
import org.convene.demo.ProgrammeDemo;
import org.convene.programmes.ModuleInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) on the programme pages of issue 3, in real Chromium:
 * programmes, a programme, a cohort with modules, people, surveys and changes, a module with its
 * attendance form, the module form with errors, the survey builder, answering a survey (with the
 * errors of a premature "Send"), "Your surveys", the PDSA change form and the evaluation report.
 * A serious or critical violation fails the page, and so does anything the browser reports.
 *
 * <p>The demo region's finished cohort supplies modules, responses and the PDSA log; a second
 * cohort, set up here, has a feedback survey and an end-of-programme survey open for the demo
 * participant, and a baseline survey still in draft for the builder.
 */
@Tag("browser")
class ProgrammeAccessibilityTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static DemoSite site;
    private static ProgrammeDemo.Loaded demo;
    private static BrowserContext signedOut;
    private static BrowserContext asLead;
    private static BrowserContext asFacilitator;
    private static BrowserContext asParticipant;
    private static long secondCohort;
    private static long feedbackSurvey;
    private static long endSurvey;
    private static long draftSurvey;
    private static String personalLink;

    @BeforeAll
    static void start() {
        site = DemoSite.start();
        demo = site.demo.programme();
        DemoData.DemoAccount participant = site.account(Role.PARTICIPANT);
        setUpSecondCohort(participant.personId());

        signedOut = chromium.newContext(site.app, true);
        asLead = site.signedIn(chromium, site.account(Role.PROGRAMME_LEAD).email());
        asFacilitator = site.signedIn(chromium, site.account(Role.FACILITATOR).email());
        asParticipant = site.signedIn(chromium, participant.email());
    }

    private static void setUpSecondCohort(long participantId) {
        DemoSite.OpenSurveys open = site.openSurveysFor(participantId);
        secondCohort = open.cohortId();
        feedbackSurvey = open.feedbackSurvey();
        endSurvey = open.endSurvey();
        draftSurvey = open.draftSurvey();
        personalLink = open.feedbackLink();
    }

    @AfterAll
    static void stop() {
        for (BrowserContext c : new BrowserContext[] {signedOut, asLead, asFacilitator, asParticipant}) {
            if (c != null) {
                c.close();
            }
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void programmesList() {
        audit(asLead, "/programmes", "Programmes", page ->
                assertThat(link(page, ProgrammeDemo.PROGRAMME)).isVisible());
    }

    @Test
    void programmesListForAParticipant() {
        audit(asParticipant, "/programmes", "Programmes", page ->
                assertThat(link(page, "Your surveys")).isVisible());
    }

    @Test
    void aProgramme() {
        audit(asLead, "/programmes/" + demo.programmeId(), ProgrammeDemo.PROGRAMME, page -> {
            assertThat(link(page, "Cohort 1")).isVisible();
            assertThat(link(page, "Cohort 2")).isVisible();
            assertThat(link(page, "Cohort 3")).isVisible();
        });
    }

    @Test
    void aCohortWithModulesPeopleSurveysAndChanges() {
        audit(asLead, "/cohorts/" + demo.cohortId(), "Cohort 1", page -> {
            for (String h : List.of("Modules", "People", "Surveys", "Course changes (PDSA log)")) {
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(h).setExact(true))).isVisible();
            }
            assertThat(link(page, "More time for group work")).isVisible();
            assertThat(page.getByLabel("Or enrol by email address")).isVisible();
        });
    }

    @Test
    void aCohortAsItsParticipantSeesIt() {
        audit(asParticipant, "/cohorts/" + demo.cohortId(), "Cohort 1", page ->
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Surveys"))).hasCount(0));
    }

    @Test
    void aModuleWithItsAttendanceForm() {
        audit(asFacilitator, "/modules/" + demo.moduleIds().get(1), "Module 2: Working with wicked problems", page -> {
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Attendance"))).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save attendance"))).isVisible();
        });
    }

    @Test
    void aModuleAsTheLeadSeesIt() {
        audit(asLead, "/modules/" + demo.moduleIds().get(0), "Module 1: Leading together: team dynamics", page -> {
            page.getByText("Add a link or a file").click();
            assertThat(page.getByLabel("Or a file (up to 20 MB)")).isVisible();
        });
    }

    @Test
    void theModuleFormShownAgainWithErrors() {
        audit(asLead, "/cohorts/" + secondCohort + "/modules/new", "Add a module", page -> {
            page.getByLabel("Starts at").fill("16:00");
            page.getByLabel("Ends at").fill("09:00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
            Locator summary = page.getByRole(AriaRole.ALERT);
            assertThat(summary).containsText("There is a problem");
            assertThat(page.locator(".govuk-error-summary")).isFocused();
            assertThat(page.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)))
                    .hasAccessibleDescription(java.util.regex.Pattern.compile("Error:"));
        });
    }

    @Test
    void theSurveyBuilder() {
        audit(asLead, "/surveys/" + draftSurvey, "Before the programme: where you are starting from", page -> {
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Add a question"))).isVisible();
            page.getByText("Change the schedule and reminders").click();
            assertThat(page.getByLabel("Opens on")).isVisible();
        });
    }

    @Test
    void theSurveyBuilderWithAnError() {
        audit(asLead, "/surveys/" + draftSurvey, "Before the programme: where you are starting from", page -> {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add question")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("There is a problem");
        });
    }

    @Test
    void theSurveyScheduleWithAnError() {
        audit(asLead, "/surveys/" + draftSurvey, "Before the programme: where you are starting from", page -> {
            page.getByText("Change the schedule and reminders").click();
            page.getByLabel("Opens on").fill(LocalDate.now(ModuleInput.ZONE).plusDays(10).toString());
            page.getByLabel("Closes on (optional)").fill(LocalDate.now(ModuleInput.ZONE).plusDays(3).toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save schedule")).click();
            Locator summary = page.getByRole(AriaRole.ALERT);
            assertThat(summary).containsText("The survey must close after it opens");
            assertThat(page.getByLabel("Closes on (optional)")).hasAccessibleDescription("Error: The survey must close after it opens");
            summary.getByRole(AriaRole.LINK).click();
            assertThat(page.getByLabel("Closes on (optional)")).isFocused();
        });
    }

    @Test
    void changingTheClosingDateOfAnOpenSurvey() {
        LocalDate closes = LocalDate.now(ModuleInput.ZONE).plusDays(30);
        audit(asLead, "/surveys/" + endSurvey, "End of the programme: looking back", page -> {
            page.getByText("Change the schedule and reminders").click();
            assertThat(page.getByLabel("Opens on")).hasCount(0); // it has opened
            page.getByLabel("Closes on (optional)").fill(closes.toString());
            page.getByLabel("Closes at (UK time)").fill("17:00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save schedule")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Schedule saved");
            assertThat(page.locator(".govuk-summary-list__row", new Page.LocatorOptions().setHasText("Closes")).locator("dd"))
                    .containsText(String.valueOf(closes.getDayOfMonth()));
        });
    }

    @Test
    void anOpenSurveyAsTheFacilitatorSeesIt() {
        audit(asFacilitator, "/surveys/" + feedbackSurvey, "Feedback on module 1: Leading together: team dynamics", page -> { });
    }

    @Test
    void answeringAModuleFeedbackSurveyWithRequiredAnswersMissing() {
        audit(asParticipant, "/my/surveys/" + feedbackSurvey, "Feedback on module 1: Leading together: team dynamics", page -> {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers")).click();
            Locator summary = page.getByRole(AriaRole.ALERT);
            assertThat(summary).containsText("Answer this question: This module was useful for my work");
            assertThat(page.locator(".govuk-error-summary")).isFocused();
            assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("This module was useful for my work")))
                    .hasAccessibleDescription("Error: Answer this question: This module was useful for my work");
        });
    }

    @Test
    void answeringTheEndSurveyWithItsThenTestItems() {
        audit(asParticipant, "/my/surveys/" + endSurvey, "End of the programme: looking back", page -> {
            page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions()
                            .setName("I am confident working collaboratively across organisations"))
                    .getByLabel("Agree", new Locator.GetByLabelOptions().setExact(true)).first().check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Say how you would have rated yourself before the programme");
        });
    }

    @Test
    void answeringThroughThePersonalLink() {
        audit(signedOut, personalLink, "Feedback on module 1: Leading together: team dynamics", page -> {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answers")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("There is a problem");
        });
    }

    @Test
    void yourSurveys() {
        audit(asParticipant, "/my/surveys", "Your surveys", page -> {
            assertThat(link(page, "End of the programme: looking back").first()).isVisible();
            assertThat(page.getByText("To do").first()).isVisible();
        });
    }

    @Test
    void theCourseChangeFormWithThePromptingComments() {
        audit(asFacilitator, "/cohorts/" + demo.cohortId() + "/changes/new?module=" + demo.moduleIds().get(1) + "&item=interactivity",
                "Log a course change", page -> {
                    assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Comments that prompted it"))).isVisible();
                    assertThat(page.getByLabel("The survey item to watch")).hasValue("interactivity");
                });
    }

    @Test
    void theCourseChangeFormWithAnError() {
        audit(asFacilitator, "/cohorts/" + demo.cohortId() + "/changes/new", "Log a course change", page -> {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("There is a problem");
        });
    }

    @Test
    void theCourseChangeFormWhenTheCommentsAreNotFromTheModuleChosen() {
        audit(asFacilitator, "/cohorts/" + demo.cohortId() + "/changes/new?module=" + demo.moduleIds().get(1), "Log a course change", page -> {
            page.getByLabel("Short title").fill("Shorter lectures");
            page.getByLabel("What will change?").fill("Half an hour less of taught input");
            page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Comments that prompted it"))
                    .getByRole(AriaRole.CHECKBOX).first().check();
            page.getByLabel("Prompted by the feedback on").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel("Module 1: Leading together: team dynamics"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
            Locator summary = page.getByRole(AriaRole.ALERT);
            assertThat(summary).containsText("A linked comment is not from that module's feedback");
            Locator comments = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Comments that prompted it"));
            assertThat(comments).hasAccessibleDescription("Error: A linked comment is not from that module's feedback");
            summary.getByRole(AriaRole.LINK).click();
            assertThat(comments.getByRole(AriaRole.CHECKBOX).first()).isFocused();
        });
    }

    @Test
    void aCourseChangeWithItsStudy() {
        audit(asFacilitator, "/changes/" + demo.changeId() + "/edit", "Course change: More time for group work", page ->
                assertThat(page.getByRole(AriaRole.TABLE)).containsText("interactivity"));
    }

    @Test
    void theEvaluationReport() {
        audit(asLead, "/cohorts/" + demo.cohortId() + "/report", "Evaluation report: " + ProgrammeDemo.PROGRAMME + ", Cohort 1", page ->
                assertThat(link(page, "Download PDF")).isVisible());
    }

    private static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void audit(BrowserContext context, String path, String heading, Consumer<Page> act) {
        PageAudit.audit(context, path, heading, act);
    }
}
