package org.convene.surveys;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convene.accounts.Viewer;
import org.convene.errors.BadRequestException;
import org.convene.errors.ConflictException;
import org.convene.errors.NotFoundException;
import org.convene.errors.ValidationException;
import org.convene.programmes.Cohort;
import org.convene.programmes.Enrolment;
import org.convene.programmes.Enrolments;
import org.convene.programmes.ModuleInput;
import org.convene.programmes.Programmes;
import org.convene.web.Form;
import org.convene.web.Params;
import org.convene.web.Templates;
import org.convene.web.WebContext;

/**
 * The survey builder and its schedule (programme team; for an event's follow-up, the people who
 * run the event), and answering a survey (participants).
 */
public final class SurveyPages {
    /** What a survey belongs to, as its pages link back to it: a cohort, or an event. */
    public record Owner(String name, String href) {
    }

    private final Templates templates;
    private final Surveys surveys;
    private final Responses responses;
    private final Distribution distribution;
    private final SurveyLinks links;
    private final Programmes programmes;
    private final Enrolments enrolments;
    private final Results results;
    private final SurveyAccess access;

    public SurveyPages(Templates templates, Surveys surveys, Responses responses, Distribution distribution, SurveyLinks links,
                       Programmes programmes, Enrolments enrolments, Results results, SurveyAccess access) {
        this.templates = templates;
        this.surveys = surveys;
        this.responses = responses;
        this.distribution = distribution;
        this.links = links;
        this.programmes = programmes;
        this.enrolments = enrolments;
        this.results = results;
        this.access = access;
    }

    private Owner owner(Survey survey) {
        if (survey.forEvent()) {
            return new Owner(survey.eventTitle(), "/events/" + survey.eventId() + "#follow-up");
        }
        Cohort cohort = programmes.cohort(survey.cohortId());
        return new Owner(cohort.programmeTitle() + ": " + cohort.name(), "/cohorts/" + cohort.id() + "#surveys");
    }

    // Creating a survey

    public void newForm(Context ctx) {
        Cohort cohort = programmes.cohort(Params.pathId(ctx, "id"));
        createForm(ctx, cohort, Form.of(Map.of("kind", "baseline", "anonymous", String.valueOf(cohort.anonymous()))));
    }

    public void create(Context ctx) {
        Cohort cohort = programmes.cohort(Params.pathId(ctx, "id"));
        try {
            SurveyKind kind = SurveyKind.fromCode(String.valueOf(ctx.formParam("kind"))).filter(k -> k != SurveyKind.MODULE_FEEDBACK)
                    .orElseThrow(() -> new ValidationException("Choose a kind", Map.of("kind", "Choose what the survey is for")));
            Survey survey = surveys.create(cohort.id(), kind, ctx.formParam("title"), "true".equals(ctx.formParam("anonymous")));
            WebContext.flash(ctx, survey.title() + " has been created as a draft");
            ctx.redirect("/surveys/" + survey.id());
        } catch (ValidationException e) {
            ctx.status(422);
            createForm(ctx, cohort, Form.submitted(ctx, e));
        } catch (ConflictException e) {
            ctx.status(409);
            createForm(ctx, cohort, Form.conflict(ctx, "kind", e));
        }
    }

    private void createForm(Context ctx, Cohort cohort, Form form) {
        templates.page(ctx, "surveys/new.jte", Map.of("cohort", cohort, "form", form));
    }

    // The builder

    public void show(Context ctx) {
        Survey survey = access.read(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        builder(ctx, survey, Form.of(Map.of("kind", "likert")), scheduleForm(survey));
    }

    private void builder(Context ctx, Survey survey, Form questionForm, Form schedule) {
        Map<String, Object> model = new HashMap<>();
        model.put("survey", survey);
        model.put("owner", owner(survey));
        model.put("manage", access.manages(WebContext.viewer(ctx), survey));
        model.put("questions", surveys.questions(survey.id()));
        model.put("form", questionForm);
        model.put("schedule", schedule);
        templates.page(ctx, "surveys/show.jte", model);
    }

    private static Form scheduleForm(Survey s) {
        Map<String, String> v = new HashMap<>();
        if (s.opensAt() != null) {
            v.put("opensDate", s.opensAt().atZone(ModuleInput.ZONE).toLocalDate().toString());
            v.put("opensTime", s.opensAt().atZone(ModuleInput.ZONE).toLocalTime().toString());
        }
        if (s.closesAt() != null) {
            v.put("closesDate", s.closesAt().atZone(ModuleInput.ZONE).toLocalDate().toString());
            v.put("closesTime", s.closesAt().atZone(ModuleInput.ZONE).toLocalTime().toString());
        }
        v.put("remindAfterDays", String.valueOf(s.remindAfterDays()));
        v.put("maxReminders", String.valueOf(s.maxReminders()));
        return Form.of(v);
    }

    public void addQuestion(Context ctx) {
        Survey survey = access.manage(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        try {
            surveys.addQuestion(survey.id(), questionInput(ctx).validated());
            WebContext.flash(ctx, "Question added");
            ctx.redirect("/surveys/" + survey.id() + "#questions");
        } catch (ValidationException e) {
            ctx.status(422);
            builder(ctx, survey, Form.submitted(ctx, e), scheduleForm(survey));
        }
    }

    public void editQuestionForm(Context ctx) {
        Question q = access.manageQuestion(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        Map<String, String> v = new HashMap<>();
        v.put("kind", q.kind().code());
        v.put("prompt", q.prompt());
        v.put("hint", q.hint());
        v.put("code", q.code());
        v.put("options", String.join("\n", q.options()));
        v.put("required", String.valueOf(q.required()));
        v.put("thenTest", String.valueOf(q.thenTest()));
        questionForm(ctx, q, Form.of(v));
    }

    public void updateQuestion(Context ctx) {
        Question q = access.manageQuestion(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        try {
            surveys.updateQuestion(q.id(), questionInput(ctx).validated());
            WebContext.flash(ctx, "Question saved");
            ctx.redirect("/surveys/" + q.surveyId() + "#questions");
        } catch (ValidationException e) {
            ctx.status(422);
            questionForm(ctx, q, Form.submitted(ctx, e));
        }
    }

    private void questionForm(Context ctx, Question q, Form form) {
        templates.page(ctx, "surveys/question.jte", Map.of("question", q, "survey", surveys.get(q.surveyId()), "form", form));
    }

    public void deleteQuestion(Context ctx) {
        Question q = access.manageQuestion(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        surveys.deleteQuestion(q.id());
        WebContext.flash(ctx, "Question removed");
        ctx.redirect("/surveys/" + q.surveyId() + "#questions");
    }

    public void moveQuestion(Context ctx) {
        Question q = access.manageQuestion(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        String direction = ctx.formParam("direction");
        if (!"up".equals(direction) && !"down".equals(direction)) {
            throw new BadRequestException("Move a question up or down");
        }
        surveys.moveQuestion(q.id(), "up".equals(direction) ? -1 : 1);
        ctx.redirect("/surveys/" + q.surveyId() + "#question-" + q.id());
    }

    private static QuestionInput questionInput(Context ctx) {
        return new QuestionInput(ctx.formParam("kind"), ctx.formParam("prompt"), ctx.formParam("hint"), ctx.formParam("code"),
                List.of(ctx.formParam("options") == null ? "" : ctx.formParam("options")),
                "true".equals(ctx.formParam("required")), "true".equals(ctx.formParam("thenTest")));
    }

    // Its life

    public void schedule(Context ctx) {
        Survey survey = access.manage(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        Map<String, String> errors = new LinkedHashMap<>();
        // Once a survey has opened, the form no longer offers its opening time (it stays as it was).
        Instant opens = survey.editable() || survey.opensAt() == null
                ? instant(ctx.formParam("opensDate"), ctx.formParam("opensTime"), "opensDate", true, errors)
                : survey.opensAt();
        Instant closes = instant(ctx.formParam("closesDate"), ctx.formParam("closesTime"), "closesDate", false, errors);
        int remind = number(ctx.formParam("remindAfterDays"), "remindAfterDays", errors);
        int max = number(ctx.formParam("maxReminders"), "maxReminders", errors);
        try {
            if (!errors.isEmpty()) {
                throw new ValidationException("The schedule has problems", errors);
            }
            surveys.schedule(survey.id(), opens, closes, remind, max);
            WebContext.flash(ctx, "Schedule saved");
            ctx.redirect("/surveys/" + survey.id());
        } catch (ValidationException e) {
            ctx.status(422);
            builder(ctx, survey, Form.of(Map.of("kind", "likert")), Form.submitted(ctx, onScheduleFields(e)));
        }
    }

    /** The service names the instants (opensAt, closesAt); the form has a date and a time field for each. */
    private static ValidationException onScheduleFields(ValidationException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.fieldErrors().forEach((field, message) -> errors.merge(switch (field) {
            case "opensAt" -> "opensDate";
            case "closesAt" -> "closesDate";
            default -> field;
        }, message, (a, b) -> a));
        return new ValidationException(e.getMessage(), errors);
    }

    private static Instant instant(String date, String time, String field, boolean required, Map<String, String> errors) {
        if (date == null || date.isBlank()) {
            if (required) {
                errors.put(field, "Enter the date");
            }
            return null;
        }
        try {
            LocalTime t = time == null || time.isBlank() ? LocalTime.of(9, 0) : LocalTime.parse(time.trim());
            return LocalDate.parse(date.trim()).atTime(t).atZone(ModuleInput.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            errors.put(field, "Enter a real date and time, for example 2027-03-01 and 16:00");
            return null;
        }
    }

    private static int number(String value, String field, Map<String, String> errors) {
        try {
            return Integer.parseInt(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            errors.put(field, "Enter a whole number");
            return 0;
        }
    }

    public void openNow(Context ctx) {
        Survey survey = access.manage(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        int emailed = distribution.openNow(survey.id());
        WebContext.flash(ctx, "The survey is open. " + emailed + (emailed == 1 ? " invitation is" : " invitations are") + " on the way.");
        ctx.redirect("/surveys/" + survey.id());
    }

    public void close(Context ctx) {
        Survey survey = surveys.close(access.manage(WebContext.viewer(ctx), Params.pathId(ctx, "id")).id());
        WebContext.flash(ctx, "The survey is closed: " + survey.submitted() + " responses");
        ctx.redirect("/surveys/" + survey.id());
    }

    // Results

    /** Module results: response rate, every item's distribution, comments by theme with sentiment, trends across modules. */
    public void results(Context ctx) {
        Survey survey = access.read(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        Results.SurveyResults r = results.of(survey.id());
        Map<String, List<Results.TrendPoint>> trends = survey.kind() == SurveyKind.MODULE_FEEDBACK && !r.withheld()
                ? results.trends(survey.cohortId()) : Map.of();
        templates.page(ctx, "surveys/results.jte", Map.of("view", ResultsView.of(r, trends), "owner", owner(survey)));
    }

    // Answering

    /** The surveys the signed-in person has been sent. */
    public void mine(Context ctx) {
        Long personId = WebContext.viewer(ctx).personId();
        templates.page(ctx, "surveys/mine.jte", Map.of("invited", personId == null ? List.of() : responses.invitedSurveys(personId)));
    }

    public void answerByLink(Context ctx) {
        Responses.Invitation invitation = byToken(ctx);
        answerPage(ctx, invitation, "/s/" + ctx.pathParam("token"), null, null);
    }

    public void saveByLink(Context ctx) {
        Responses.Invitation invitation = byToken(ctx);
        save(ctx, invitation, "/s/" + ctx.pathParam("token"));
    }

    public void answerMine(Context ctx) {
        Responses.Invitation invitation = own(ctx);
        answerPage(ctx, invitation, "/my/surveys/" + invitation.surveyId(), null, null);
    }

    public void saveMine(Context ctx) {
        Responses.Invitation invitation = own(ctx);
        save(ctx, invitation, "/my/surveys/" + invitation.surveyId());
    }

    private Responses.Invitation byToken(Context ctx) {
        long id = links.invitation(ctx.pathParam("token"))
                .orElseThrow(() -> new NotFoundException("This survey link is not valid. Check that you copied the whole link from your email."));
        ctx.header("Referrer-Policy", "no-referrer");
        return responses.invitation(id).orElseThrow(() -> new NotFoundException("This survey no longer exists"));
    }

    private Responses.Invitation own(Context ctx) {
        Viewer viewer = WebContext.viewer(ctx);
        long surveyId = Params.pathId(ctx, "id");
        if (viewer.personId() == null) {
            throw new NotFoundException("You have not been sent this survey");
        }
        return responses.invitationFor(surveyId, viewer.personId())
                .orElseThrow(() -> new NotFoundException("You have not been sent this survey"));
    }

    private void save(Context ctx, Responses.Invitation invitation, String action) {
        boolean submit = "submit".equals(ctx.formParam("action"));
        List<Question> questions = surveys.questions(invitation.surveyId());
        Map<Long, Responses.Answer> answers = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (Question q : questions) {
            answers.put(q.id(), answer(ctx, q, problems));
        }
        try {
            if (!problems.isEmpty()) {
                throw new ValidationException("Some answers need attention", problems);
            }
            Responses.Outcome outcome = responses.save(invitation.id(), answers, submit, WebContext.viewer(ctx).accountId() == 0
                    ? null : WebContext.viewer(ctx).accountId());
            switch (outcome) {
                case SAVED -> WebContext.flash(ctx, "Your answers are saved. You can come back to this page to finish.");
                case SUBMITTED -> WebContext.flash(ctx, "Thank you: your answers have been sent.");
                case ALREADY_SUBMITTED -> WebContext.flash(ctx, "You had already sent your answers; they have not changed.");
            }
            ctx.redirect(action);
        } catch (ValidationException e) {
            ctx.status(422);
            answerPage(ctx, invitation, action, Form.submitted(ctx, e), answers);
        }
    }

    private Responses.Answer answer(Context ctx, Question q, Map<String, String> problems) {
        String field = "q" + q.id();
        String raw = ctx.formParam(field);
        return switch (q.kind()) {
            case LIKERT, RATING -> new Responses.Answer(q.id(), integer(raw, field, problems),
                    q.thenTest() ? integer(ctx.formParam(field + "-before"), field + "-before", problems) : null, List.of(), "", List.of());
            case SINGLE, MULTIPLE -> new Responses.Answer(q.id(), null, null, ctx.formParams(field), "", List.of());
            case TEXT -> new Responses.Answer(q.id(), null, null, List.of(), raw == null ? "" : raw, List.of());
            case CONNECTIONS -> {
                List<Long> people = new ArrayList<>();
                for (String v : ctx.formParams(field)) {
                    Integer id = integer(v, field, problems);
                    if (id != null) {
                        people.add(id.longValue());
                    }
                }
                String emails = ctx.formParam(field + "-emails");
                if (emails != null && !emails.isBlank()) {
                    List<String> list = List.of(emails.toLowerCase(Locale.ROOT).split("[\\s,;]+")).stream().filter(s -> !s.isBlank()).toList();
                    Map<String, Long> found = responses.peopleByEmail(list);
                    List<String> unknown = list.stream().filter(e -> !found.containsKey(e)).toList();
                    if (!unknown.isEmpty()) {
                        problems.put(field + "-emails", "Nobody in the directory has the email " + String.join(", ", unknown));
                    }
                    people.addAll(found.values());
                }
                yield new Responses.Answer(q.id(), null, null, List.of(), "", people);
            }
        };
    }

    private static Integer integer(String raw, String field, Map<String, String> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            problems.put(field, "Choose one of the values");
            return null;
        }
    }

    private void answerPage(Context ctx, Responses.Invitation invitation, String action, Form form,
                            Map<Long, Responses.Answer> submitted) {
        Survey survey = surveys.get(invitation.surveyId());
        Responses.Draft draft = responses.draft(invitation.id());
        Map<Long, Responses.Answer> shown = submitted != null ? submitted : draft.answers();
        List<Enrolment> cohort = survey.forEvent() ? List.of() : enrolments.list(survey.cohortId()).stream()
                .filter(e -> e.personId() != invitation.personId() && !"withdrawn".equals(e.status())).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("survey", survey);
        model.put("questions", surveys.questions(survey.id()));
        model.put("answers", shown);
        model.put("submittedAt", draft.submittedAt());
        model.put("action", action);
        model.put("form", form == null ? Form.empty() : form);
        model.put("cohortPeople", cohort);
        model.put("personName", invitation.personName());
        templates.page(ctx, "surveys/answer.jte", model);
    }
}
