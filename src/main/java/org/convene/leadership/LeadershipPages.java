package org.convene.leadership;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convene.directory.Reference;
import org.convene.errors.ConflictException;
import org.convene.errors.ValidationException;
import org.convene.people.People;
import org.convene.web.Form;
import org.convene.web.Option;
import org.convene.web.Params;
import org.convene.web.Templates;
import org.convene.web.Text;
import org.convene.web.WebContext;

/**
 * Pages for leader clusters: the priority areas, each a guided checklist (the area, candidates with
 * clout, their relationships, how to interest them, sponsor and line managers, suggested clusters),
 * a candidate's page with peer endorsements, and the clusters with their sponsor and mentor.
 */
public final class LeadershipPages {
    private final Templates templates;
    private final Areas areas;
    private final Clusters clusters;
    private final Suggestions suggestions;
    private final LeadershipApi api;
    private final People people;
    private final Reference reference;
    private final LeadershipAccess access;

    public LeadershipPages(Templates templates, Areas areas, Clusters clusters, Suggestions suggestions, LeadershipApi api, People people,
                           Reference reference) {
        this.templates = templates;
        this.areas = areas;
        this.clusters = clusters;
        this.suggestions = suggestions;
        this.api = api;
        this.people = people;
        this.reference = reference;
        this.access = new LeadershipAccess(areas, clusters);
    }

    public void list(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        model.put("areas", access.areas(WebContext.viewer(ctx)));
        model.put("team", WebContext.viewer(ctx).inProgrammeTeam());
        templates.page(ctx, "leadership/areas.jte", model);
    }

    // A priority area

    public void newForm(Context ctx) {
        areaForm(ctx, null, Form.empty());
    }

    public void create(Context ctx) {
        try {
            PriorityArea area = areas.create(areaInput(ctx), WebContext.viewer(ctx).accountId());
            WebContext.flash(ctx, "Priority area added");
            ctx.redirect("/priority-areas/" + area.id());
        } catch (ValidationException e) {
            ctx.status(422);
            areaForm(ctx, null, Form.submitted(ctx, e));
        }
    }

    public void editForm(Context ctx) {
        PriorityArea area = areas.get(Params.pathId(ctx, "id"));
        Map<String, String> values = new HashMap<>();
        values.put("title", area.title());
        values.put("improvement", area.improvement());
        values.put("savings", area.savings());
        values.put("savingsPerYear", area.savingsPerYear() == null ? "" : String.valueOf(area.savingsPerYear()));
        values.put("topics", String.join(", ", area.topics()));
        values.put("place", area.place() == null ? "" : area.place());
        values.put("sponsorEmail", emailOf(area.sponsorId()));
        values.put("sponsorNotes", area.sponsorNotes());
        values.put("relationshipNotes", area.relationshipNotes());
        areaForm(ctx, area, Form.of(values));
    }

    public void update(Context ctx) {
        PriorityArea area = areas.get(Params.pathId(ctx, "id"));
        try {
            areas.update(area.id(), areaInput(ctx));
            WebContext.flash(ctx, "Priority area saved");
            ctx.redirect("/priority-areas/" + area.id());
        } catch (ValidationException e) {
            ctx.status(422);
            areaForm(ctx, area, Form.submitted(ctx, e));
        }
    }

    /** The area form's input, with the sponsor named by email; every mistake reported at once. */
    private AreaInput.Valid areaInput(Context ctx) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long sponsor = personByEmail(ctx.formParam("sponsorEmail"), "sponsorEmail", "the sponsor", false, errors);
        AreaInput input = new AreaInput(ctx.formParam("title"), ctx.formParam("improvement"), ctx.formParam("savings"),
                ctx.formParam("savingsPerYear"), Text.splitList(ctx.formParam("topics")), ctx.formParam("place"), sponsor,
                ctx.formParam("sponsorNotes"), ctx.formParam("relationshipNotes"));
        return validOrAll(() -> input.validated(reference.places(), reference.topics()), errors, Map.of("sponsor", "sponsorEmail"));
    }

    private void areaForm(Context ctx, PriorityArea area, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("area", area);
        model.put("form", form);
        model.put("places", reference.places().stream().map(p -> new Option(p.name(), p.name())).toList());
        templates.page(ctx, "leadership/areaForm.jte", model);
    }

    public void show(Context ctx) {
        PriorityArea area = access.area(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        showArea(ctx, area, Form.empty(), Form.empty());
    }

    private void showArea(Context ctx, PriorityArea area, Form candidateForm, Form clusterForm) {
        boolean team = WebContext.viewer(ctx).inProgrammeTeam();
        Map<String, Object> model = new HashMap<>();
        model.put("detail", api.detail(area));
        model.put("suggestions", team ? suggestions.suggest(area) : List.of());
        model.put("team", team);
        model.put("candidateForm", candidateForm);
        model.put("clusterForm", clusterForm);
        model.put("seniority", seniorityOptions());
        templates.page(ctx, "leadership/area.jte", model);
    }

    // Candidates

    public void addCandidate(Context ctx) {
        PriorityArea area = areas.get(Params.pathId(ctx, "id"));
        try {
            Map<String, String> errors = new LinkedHashMap<>();
            Long person = personByEmail(ctx.formParam("email"), "email", "the candidate", true, errors);
            CandidateInput input = new CandidateInput(person, seniority(ctx), ctx.formParam("clout"), ctx.formParam("approach"),
                    ctx.formParam("lineManager"), ctx.formParam("managerAgreement"));
            Candidate added = areas.addCandidate(area.id(), validOrAll(input::validated, errors, Map.of("person", "email")),
                    WebContext.viewer(ctx).accountId());
            WebContext.flash(ctx, added.name() + " added as a candidate");
            ctx.redirect("/priority-areas/" + area.id() + "#candidates");
        } catch (ValidationException e) {
            ctx.status(422);
            showArea(ctx, area, Form.submitted(ctx, e), Form.empty());
        } catch (ConflictException e) {
            ctx.status(409);
            showArea(ctx, area, Form.conflict(ctx, "email", e), Form.empty());
        }
    }

    public void candidate(Context ctx) {
        PriorityArea area = areas.get(Params.pathId(ctx, "id"));
        Candidate c = areas.candidate(area.id(), Params.pathId(ctx, "personId"));
        Map<String, String> values = new HashMap<>();
        values.put("seniority", String.valueOf(c.seniority()));
        values.put("clout", c.clout());
        values.put("approach", c.approach());
        values.put("lineManager", c.lineManager());
        values.put("managerAgreement", c.managerAgreement().code());
        candidatePage(ctx, area, c, Form.of(values), Form.empty());
    }

    public void updateCandidate(Context ctx) {
        PriorityArea area = areas.get(Params.pathId(ctx, "id"));
        Candidate c = areas.candidate(area.id(), Params.pathId(ctx, "personId"));
        try {
            areas.updateCandidate(area.id(), c.personId(), new CandidateInput(c.personId(), seniority(ctx), ctx.formParam("clout"),
                    ctx.formParam("approach"), ctx.formParam("lineManager"), ctx.formParam("managerAgreement")).validated());
            WebContext.flash(ctx, c.name() + " saved");
            ctx.redirect("/priority-areas/" + area.id() + "#candidates");
        } catch (ValidationException e) {
            ctx.status(422);
            candidatePage(ctx, area, c, Form.submitted(ctx, e), Form.empty());
        }
    }

    public void endorse(Context ctx) {
        PriorityArea area = areas.get(Params.pathId(ctx, "id"));
        Candidate c = areas.candidate(area.id(), Params.pathId(ctx, "personId"));
        try {
            Map<String, String> errors = new LinkedHashMap<>();
            Long endorser = personByEmail(ctx.formParam("endorserEmail"), "endorserEmail", "the peer who endorses them", true, errors);
            EndorsementInput input = new EndorsementInput(endorser, ctx.formParam("note"));
            areas.endorse(area.id(), c.personId(), validOrAll(() -> input.validated(c.personId()), errors, Map.of("endorser", "endorserEmail")));
            WebContext.flash(ctx, "Endorsement recorded");
            ctx.redirect("/priority-areas/" + area.id() + "/candidates/" + c.personId());
        } catch (ValidationException e) {
            ctx.status(422);
            candidatePage(ctx, area, c, Form.empty(), Form.submitted(ctx, e));
        }
    }

    public void removeCandidate(Context ctx) {
        PriorityArea area = areas.get(Params.pathId(ctx, "id"));
        Candidate c = areas.candidate(area.id(), Params.pathId(ctx, "personId"));
        areas.removeCandidate(area.id(), c.personId());
        WebContext.flash(ctx, c.name() + " is no longer a candidate");
        ctx.redirect("/priority-areas/" + area.id() + "#candidates");
    }

    private void candidatePage(Context ctx, PriorityArea area, Candidate c, Form form, Form endorsement) {
        Map<String, Object> model = new HashMap<>();
        model.put("area", area);
        model.put("candidate", c);
        model.put("form", form);
        model.put("endorsement", endorsement);
        model.put("seniority", seniorityOptions());
        model.put("agreements", Arrays.stream(Candidate.Agreement.values()).map(a -> new Option(a.code(), a.label())).toList());
        templates.page(ctx, "leadership/candidate.jte", model);
    }

    // Clusters

    public void formCluster(Context ctx) {
        PriorityArea area = areas.get(Params.pathId(ctx, "id"));
        try {
            List<Long> members = Text.splitList(ctx.formParam("members")).stream().map(LeadershipPages::id).toList();
            LeaderCluster k = api.formCluster(area, new ClusterInput(members, null, null, null, null).validated(true),
                    WebContext.viewer(ctx).accountId());
            WebContext.flash(ctx, "Cluster formed");
            ctx.redirect("/clusters/" + k.id());
        } catch (ValidationException e) {
            ctx.status(422);
            showArea(ctx, area, Form.empty(), Form.submitted(ctx, e));
        } catch (ConflictException e) {
            ctx.status(409);
            showArea(ctx, area, Form.empty(), Form.conflict(ctx, "members", e));
        }
    }

    public void clusters(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        model.put("clusters", access.clusters(WebContext.viewer(ctx)));
        templates.page(ctx, "leadership/clusters.jte", model);
    }

    public void cluster(Context ctx) {
        LeaderCluster k = access.cluster(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        Map<String, String> values = new HashMap<>();
        values.put("status", k.status().code());
        values.put("sponsorEmail", emailOf(k.sponsorId()));
        values.put("mentorEmail", emailOf(k.mentorId()));
        values.put("mentoring", k.mentoring());
        clusterPage(ctx, k, Form.of(values));
    }

    public void updateCluster(Context ctx) {
        LeaderCluster k = clusters.get(Params.pathId(ctx, "id"));
        try {
            Map<String, String> errors = new LinkedHashMap<>();
            Long sponsor = personByEmail(ctx.formParam("sponsorEmail"), "sponsorEmail", "the sponsor", false, errors);
            Long mentor = personByEmail(ctx.formParam("mentorEmail"), "mentorEmail", "the mentor", false, errors);
            ClusterInput input = new ClusterInput(null, ctx.formParam("status"), sponsor, mentor, ctx.formParam("mentoring"));
            clusters.update(k.id(), validOrAll(() -> input.validated(false), errors, Map.of("sponsor", "sponsorEmail", "mentor", "mentorEmail")),
                    WebContext.viewer(ctx).accountId());
            WebContext.flash(ctx, "Cluster saved");
            ctx.redirect("/clusters/" + k.id());
        } catch (ValidationException e) {
            ctx.status(422);
            clusterPage(ctx, k, Form.submitted(ctx, e));
        }
    }

    private void clusterPage(Context ctx, LeaderCluster k, Form form) {
        Map<String, Object> model = new HashMap<>();
        model.put("cluster", k);
        model.put("form", form);
        model.put("team", WebContext.viewer(ctx).inProgrammeTeam());
        model.put("statuses", Arrays.stream(LeaderCluster.Status.values()).map(s -> new Option(s.code(), s.label())).toList());
        templates.page(ctx, "leadership/cluster.jte", model);
    }

    // Helpers

    private String emailOf(Long personId) {
        if (personId == null) {
            return "";
        }
        String email = people.get(personId).email();
        return email == null ? "" : email;
    }

    /** The person a form names by email; a missing (when required) or unknown address is added to errors. */
    private Long personByEmail(String email, String field, String who, boolean required, Map<String, String> errors) {
        String clean = email == null ? "" : email.trim();
        if (clean.isEmpty()) {
            if (required) {
                errors.put(field, "Enter the email address of " + who);
            }
            return null;
        }
        return people.idByEmail(clean).orElseGet(() -> {
            errors.put(field, "Nobody in the directory has the email address " + Text.clip(clean, 80));
            return null;
        });
    }

    /** The validated input, or one error with the form's own mistakes and the input's (renamed to form fields) together. */
    private static <T> T validOrAll(java.util.function.Supplier<T> validate, Map<String, String> errors, Map<String, String> renamed) {
        try {
            T valid = validate.get();
            if (errors.isEmpty()) {
                return valid;
            }
        } catch (ValidationException e) {
            e.fieldErrors().forEach((field, message) -> errors.putIfAbsent(renamed.getOrDefault(field, field), message));
        }
        throw new ValidationException("There is a problem", errors);
    }

    private static Integer seniority(Context ctx) {
        String value = ctx.formParam("seniority");
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long id(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException("Not a person", Map.of("members", "Choose the cluster's members from the candidates"));
        }
    }

    private static List<Option> seniorityOptions() {
        List<Option> options = new java.util.ArrayList<>();
        for (int i = 0; i < Candidate.SENIORITY.size(); i++) {
            options.add(new Option(String.valueOf(i + 1), (i + 1) + ": " + Candidate.SENIORITY.get(i)));
        }
        return options;
    }
}
