package org.convene.privacy;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.convene.accounts.Viewer;
import org.convene.audit.Actor;
import org.convene.audit.AuditAction;
import org.convene.audit.AuditLog;
import org.convene.errors.ConflictException;
import org.convene.errors.NotFoundException;
import org.convene.errors.ValidationException;
import org.convene.people.People;
import org.convene.people.Person;
import org.convene.web.Form;
import org.convene.web.Json;
import org.convene.web.Params;
import org.convene.web.Templates;
import org.convene.web.WebContext;

/**
 * Data protection, as pages and API: a person's own data (a readable page and a JSON download),
 * an administrator's download and erasure of a person on request, and the retention settings.
 */
public final class PrivacyPages {
    private final Templates templates;
    private final SubjectAccess access;
    private final Erasure erasure;
    private final Retention retention;
    private final People people;
    private final AuditLog audit;

    public PrivacyPages(Templates templates, SubjectAccess access, Erasure erasure, Retention retention, People people, AuditLog audit) {
        this.templates = templates;
        this.access = access;
        this.erasure = erasure;
        this.retention = retention;
        this.people = people;
        this.audit = audit;
    }

    // Your own data

    public void ownPage(Context ctx) {
        SubjectAccess.Report report = access.of(ownPerson(ctx));
        templates.page(ctx, "privacy/data.jte", Map.of("report", report, "own", true, "name", ""));
    }

    public void ownDownload(Context ctx) {
        long person = ownPerson(ctx);
        download(ctx, person, "Downloaded their own personal data");
    }

    public void ownApi(Context ctx) {
        long person = ownPerson(ctx);
        audit.record(Actor.of(ctx), AuditAction.SUBJECT_ACCESS, "person:" + person, "Read their own personal data through the API");
        ctx.json(access.of(person));
    }

    private static long ownPerson(Context ctx) {
        Viewer viewer = WebContext.viewer(ctx);
        if (viewer.personId() == null) {
            throw new NotFoundException("Your account has no directory entry, so Convene holds only the account itself: "
                    + "its email address " + viewer.email() + " and roles. Ask an administrator for a full copy.");
        }
        return viewer.personId();
    }

    // Administrators, on a person's request

    public void personDownload(Context ctx) {
        long person = Params.pathId(ctx, "id");
        download(ctx, person, "Downloaded a person's personal data on their request");
    }

    private void download(Context ctx, long person, String summary) {
        SubjectAccess.Report report = access.of(person);
        audit.record(Actor.of(ctx), AuditAction.SUBJECT_ACCESS, "person:" + person, summary);
        ctx.header("Content-Disposition", "attachment; filename=\"convene-personal-data-" + person + "-" + LocalDate.now() + ".json\"");
        ctx.contentType("application/json; charset=utf-8");
        try {
            ctx.result(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void eraseForm(Context ctx) {
        showErase(ctx, Params.pathId(ctx, "id"), Form.empty());
    }

    public void erase(Context ctx) {
        long id = Params.pathId(ctx, "id");
        try {
            if (!"yes".equals(ctx.formParam("confirm"))) {
                throw ValidationException.of(Map.of("confirm", "Confirm that you understand erasure cannot be undone"));
            }
            Erasure.Result result = erasure.erase(id, Actor.of(ctx), ctx.formParam("reason"));
            WebContext.flash(ctx, "Erased: " + result.deleted() + " records deleted and " + result.blanked()
                    + " blanked. The entry now shows as \u201c" + Erasure.ERASED_NAME + "\u201d.");
            ctx.redirect("/admin/audit?subject=person:" + id);
        } catch (ValidationException e) {
            ctx.status(422);
            showErase(ctx, id, Form.submitted(ctx, e));
        } catch (ConflictException e) {
            ctx.status(409);
            showErase(ctx, id, Form.conflict(ctx, "reason", e));
        }
    }

    private void showErase(Context ctx, long id, Form form) {
        Person person = people.get(id);
        SubjectAccess.Report report = access.of(id);
        Map<String, Object> model = new HashMap<>();
        model.put("person", person);
        model.put("form", form);
        model.put("rows", report.rowCount());
        model.put("holdings", PersonalData.HOLDINGS);
        model.put("counts", countsByTitle(report));
        templates.page(ctx, "privacy/erase.jte", model);
    }

    private static Map<String, Integer> countsByTitle(SubjectAccess.Report report) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        report.sections().forEach(s -> counts.merge(s.title(), s.rows().size(), Integer::sum));
        return counts;
    }

    /** POST /api/v1/people/{id}/erasure with {"reason": "..."}. */
    public void eraseApi(Context ctx) {
        EraseRequest request = Json.read(ctx, EraseRequest.class);
        ctx.json(erasure.erase(Params.pathId(ctx, "id"), Actor.of(ctx), request.reason()));
    }

    /** DELETE /api/v1/people/{id}: only for an entry with no account and no records; others are erased. */
    public void deleteApi(Context ctx) {
        erasure.deleteUnused(Params.pathId(ctx, "id"), Actor.of(ctx));
        ctx.status(204);
    }

    record EraseRequest(String reason) {
    }

    // Retention

    public void settings(Context ctx) {
        Retention.Policy policy = retention.policy();
        Map<String, String> values = new HashMap<>();
        values.put("inactiveAccountDays", policy.inactiveAccountDays() == null ? "" : String.valueOf(policy.inactiveAccountDays()));
        values.put("surveyTextDays", policy.surveyTextDays() == null ? "" : String.valueOf(policy.surveyTextDays()));
        showSettings(ctx, Form.of(values));
    }

    public void saveSettings(Context ctx) {
        try {
            retention.save(Retention.parse(ctx.formParam("inactiveAccountDays"), ctx.formParam("surveyTextDays")), Actor.of(ctx));
            WebContext.flash(ctx, "Retention saved");
            ctx.redirect("/admin/privacy");
        } catch (ValidationException e) {
            ctx.status(422);
            showSettings(ctx, Form.submitted(ctx, e));
        }
    }

    private void showSettings(Context ctx, Form form) {
        templates.page(ctx, "privacy/settings.jte", Map.of("form", form, "warningDays", Retention.WARNING_DAYS,
                "minAccountDays", Retention.MIN_ACCOUNT_DAYS, "minTextDays", Retention.MIN_TEXT_DAYS));
    }

    public void retentionApi(Context ctx) {
        ctx.json(retention.policy());
    }

    public void saveRetentionApi(Context ctx) {
        RetentionRequest request = Json.read(ctx, RetentionRequest.class);
        Retention.Policy policy = Retention.parse(request.inactiveAccountDays() == null ? null : String.valueOf(request.inactiveAccountDays()),
                request.surveyTextDays() == null ? null : String.valueOf(request.surveyTextDays()));
        retention.save(policy, Actor.of(ctx));
        ctx.json(retention.policy());
    }

    record RetentionRequest(Integer inactiveAccountDays, Integer surveyTextDays) {
    }
}
