package org.convene.surveys;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.accounts.Viewer;
import org.convene.errors.Errors;
import org.convene.errors.NotFoundException;
import org.convene.programmes.Cohort;
import org.convene.programmes.Programmes;
import org.convene.web.Json;
import org.convene.web.Params;
import org.convene.web.WebContext;

/**
 * /api/v1 surveys: the programme team builds, schedules, opens and closes a cohort's surveys and
 * reads their results (withheld below {@link Results#MIN_GROUP} responses when anonymous), and the
 * people who run an event do the same with its follow-up survey ({@link SurveyAccess}); under
 * /api/v1/my/surveys a participant answers the surveys they were invited to. A survey someone was
 * not invited to does not exist for them.
 */
public final class SurveysApi {
    private final Programmes programmes;
    private final Surveys surveys;
    private final Distribution distribution;
    private final Responses responses;
    private final Results results;
    private final SurveyAccess access;

    public SurveysApi(Programmes programmes, Surveys surveys, Distribution distribution, Responses responses, Results results,
                      SurveyAccess access) {
        this.programmes = programmes;
        this.surveys = surveys;
        this.distribution = distribution;
        this.responses = responses;
        this.results = results;
        this.access = access;
    }

    /** POST /cohorts/{id}/surveys: baseline, end or custom; anonymous as the cohort unless said. */
    public record SurveyInput(String kind, String title, Boolean anonymous) {
    }

    /** POST /surveys/{id}/schedule: ISO-8601 instants such as 2027-03-01T09:00:00Z. */
    public record ScheduleInput(String opensAt, String closesAt, Integer remindAfterDays, Integer maxReminders) {
    }

    /** PUT /my/surveys/{surveyId}. */
    public record AnswersInput(List<Responses.Answer> answers, Boolean submit) {
    }

    /** A survey with its items, for the programme team. */
    public record SurveyDetail(@JsonUnwrapped Survey survey, List<Question> questions) {
    }

    /** A survey as the person invited to it sees it. */
    public record MySurvey(long id, Long cohortId, Long eventId, String kind, String title, String intro, String moduleTitle,
                           boolean anonymous, String status, boolean open, Instant opensAt, Instant closesAt,
                           boolean submitted, Instant submittedAt) {
        static MySurvey of(Survey s, Instant submittedAt) {
            return new MySurvey(s.id(), s.cohortId(), s.eventId(), s.kind().code(), s.title(), s.intro(), s.moduleTitle(), s.anonymous(),
                    s.status(), s.isOpen(), s.opensAt(), s.closesAt(), submittedAt != null, submittedAt);
        }
    }

    /** A survey to answer: its items and the answers saved so far. */
    public record MySurveyDetail(@JsonUnwrapped MySurvey survey, List<Question> questions, List<Responses.Answer> answers) {
    }

    // The programme team

    public void list(Context ctx) {
        long cohortId = Params.pathId(ctx, "id");
        programmes.cohort(cohortId);
        ctx.json(surveys.list(cohortId));
    }

    public void create(Context ctx) {
        long cohortId = Params.pathId(ctx, "id");
        Cohort cohort = programmes.cohort(cohortId);
        SurveyInput input = Json.read(ctx, SurveyInput.class);
        SurveyKind kind = input.kind() == null ? null : SurveyKind.fromCode(input.kind().trim()).orElse(null);
        if (kind == null) {
            new Errors().add("kind", "Choose baseline, end or custom").throwIfAny();
        }
        boolean anonymous = input.anonymous() == null ? cohort.anonymous() : input.anonymous();
        Survey survey = surveys.create(cohortId, kind, input.title(), anonymous);
        ctx.status(201).json(detail(survey));
    }

    public void get(Context ctx) {
        ctx.json(detail(access.read(WebContext.viewer(ctx), Params.pathId(ctx, "id"))));
    }

    private SurveyDetail detail(Survey survey) {
        return new SurveyDetail(survey, surveys.questions(survey.id()));
    }

    public void addQuestion(Context ctx) {
        long surveyId = access.manage(WebContext.viewer(ctx), Params.pathId(ctx, "id")).id();
        ctx.status(201).json(surveys.addQuestion(surveyId, Json.read(ctx, QuestionInput.class).validated()));
    }

    public void updateQuestion(Context ctx) {
        long id = access.manageQuestion(WebContext.viewer(ctx), Params.pathId(ctx, "id")).id();
        ctx.json(surveys.updateQuestion(id, Json.read(ctx, QuestionInput.class).validated()));
    }

    public void deleteQuestion(Context ctx) {
        surveys.deleteQuestion(access.manageQuestion(WebContext.viewer(ctx), Params.pathId(ctx, "id")).id());
        ctx.status(204);
    }

    public void schedule(Context ctx) {
        Survey survey = access.manage(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        long id = survey.id();
        ScheduleInput input = Json.read(ctx, ScheduleInput.class);
        Errors errors = new Errors();
        Instant opens = instant(input.opensAt(), "opensAt", errors);
        if (opens == null && !errors.has("opensAt")) {
            errors.add("opensAt", "Enter when the survey opens, for example 2027-03-01T09:00:00Z");
        }
        Instant closes = instant(input.closesAt(), "closesAt", errors);
        errors.throwIfAny();
        ctx.json(surveys.schedule(id, opens, closes,
                input.remindAfterDays() == null ? survey.remindAfterDays() : input.remindAfterDays(),
                input.maxReminders() == null ? survey.maxReminders() : input.maxReminders()));
    }

    private static Instant instant(String value, String field, Errors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(field, "Enter a date and time as ISO-8601, for example 2027-03-01T09:00:00Z");
            return null;
        }
    }

    /** Opens the survey now and queues an email to each person invited. */
    public void open(Context ctx) {
        long id = access.manage(WebContext.viewer(ctx), Params.pathId(ctx, "id")).id();
        int emailed = distribution.openNow(id);
        ctx.json(Map.of("invited", surveys.get(id).invited(), "emailed", emailed));
    }

    public void close(Context ctx) {
        ctx.json(surveys.close(access.manage(WebContext.viewer(ctx), Params.pathId(ctx, "id")).id()));
    }

    /** Aggregates only; for an anonymous survey below the minimum group, the counts and nothing else. */
    public void results(Context ctx) {
        Results.SurveyResults r = results.of(access.read(WebContext.viewer(ctx), Params.pathId(ctx, "id")).id());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("surveyId", r.survey().id());
        body.put("withheld", r.withheld());
        body.put("responses", r.responses());
        body.put("minimum", Results.MIN_GROUP);
        if (!r.withheld()) {
            body.put("anonymous", r.survey().anonymous());
            body.put("invited", r.survey().invited());
            body.put("items", r.items());
            body.put("comments", r.comments());
            body.put("connections", r.connections());
        }
        ctx.json(body);
    }

    // The person invited

    public void mine(Context ctx) {
        Long personId = WebContext.viewer(ctx).personId();
        if (personId == null) {
            ctx.json(List.of());
            return;
        }
        ctx.json(responses.invitedSurveys(personId).stream().map(i -> MySurvey.of(i.survey(), i.submittedAt())).toList());
    }

    public void myOne(Context ctx) {
        Responses.Invitation invitation = ownInvitation(ctx);
        Survey survey = surveys.get(invitation.surveyId());
        Responses.Draft draft = responses.draft(invitation.id());
        ctx.json(new MySurveyDetail(MySurvey.of(survey, draft.submittedAt()), surveys.questions(survey.id()),
                List.copyOf(draft.answers().values())));
    }

    public void answer(Context ctx) {
        Responses.Invitation invitation = ownInvitation(ctx);
        AnswersInput input = Json.read(ctx, AnswersInput.class);
        Map<Long, Responses.Answer> answers = new LinkedHashMap<>();
        Errors errors = new Errors();
        List<Responses.Answer> given = input.answers() == null ? List.of() : new ArrayList<>(input.answers());
        for (Responses.Answer a : given) {
            if (a == null) {
                errors.add("answers", "Each answer must be an object with a questionId");
            } else if (answers.putIfAbsent(a.questionId(), a) != null) {
                errors.add("q" + a.questionId(), "Question " + a.questionId() + " is answered more than once");
            }
        }
        errors.throwIfAny();
        Responses.Outcome outcome = responses.save(invitation.id(), answers, Boolean.TRUE.equals(input.submit()),
                WebContext.viewer(ctx).accountId());
        ctx.json(Map.of("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)));
    }

    /** The viewer's invitation to the survey in the path; a survey they were not sent is not found. */
    private Responses.Invitation ownInvitation(Context ctx) {
        long surveyId = Params.pathId(ctx, "surveyId");
        Viewer viewer = WebContext.viewer(ctx);
        return (viewer.personId() == null ? java.util.Optional.<Responses.Invitation>empty()
                : responses.invitationFor(surveyId, viewer.personId()))
                .orElseThrow(() -> new NotFoundException("No survey with id " + surveyId));
    }
}
