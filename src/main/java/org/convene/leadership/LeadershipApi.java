package org.convene.leadership;

import io.javalin.http.Context;
import java.util.List;
import org.convene.directory.Reference;
import org.convene.web.Json;
import org.convene.web.Params;
import org.convene.web.WebContext;

/** /api/v1/priority-areas and /api/v1/clusters: leader clusters, from the priority area to the mentoring arrangement. */
public final class LeadershipApi {
    /** A priority area with what the checklist gathers: candidates, the ties between them, and its clusters. */
    public record AreaDetail(PriorityArea area, List<Candidate> candidates, List<Suggestions.Known> ties, List<LeaderCluster> clusters) {
    }

    private final Areas areas;
    private final Clusters clusters;
    private final Suggestions suggestions;
    private final Reference reference;
    private final LeadershipAccess access;

    public LeadershipApi(Areas areas, Clusters clusters, Suggestions suggestions, Reference reference) {
        this.areas = areas;
        this.clusters = clusters;
        this.suggestions = suggestions;
        this.reference = reference;
        this.access = new LeadershipAccess(areas, clusters);
    }

    public void list(Context ctx) {
        ctx.json(access.areas(WebContext.viewer(ctx)));
    }

    public void create(Context ctx) {
        AreaInput.Valid input = Json.read(ctx, AreaInput.class).validated(reference.places(), reference.topics());
        ctx.status(201).json(areas.create(input, WebContext.viewer(ctx).accountId()));
    }

    public void get(Context ctx) {
        PriorityArea area = access.area(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        ctx.json(detail(area));
    }

    AreaDetail detail(PriorityArea area) {
        return new AreaDetail(area, areas.candidates(area.id()), suggestions.known(area.id()), clusters.ofArea(area.id()));
    }

    public void update(Context ctx) {
        long id = Params.pathId(ctx, "id");
        areas.get(id);
        AreaInput.Valid input = Json.read(ctx, AreaInput.class).validated(reference.places(), reference.topics());
        ctx.json(areas.update(id, input));
    }

    public void addCandidate(Context ctx) {
        long id = Params.pathId(ctx, "id");
        areas.get(id);
        CandidateInput.Valid input = Json.read(ctx, CandidateInput.class).validated();
        ctx.status(201).json(areas.addCandidate(id, input, WebContext.viewer(ctx).accountId()));
    }

    public void updateCandidate(Context ctx) {
        long id = Params.pathId(ctx, "id");
        long person = Params.pathId(ctx, "personId");
        CandidateInput given = Json.read(ctx, CandidateInput.class);
        CandidateInput.Valid input = new CandidateInput(person, given.seniority(), given.clout(), given.approach(), given.lineManager(),
                given.managerAgreement()).validated();
        ctx.json(areas.updateCandidate(id, person, input));
    }

    public void removeCandidate(Context ctx) {
        areas.removeCandidate(Params.pathId(ctx, "id"), Params.pathId(ctx, "personId"));
        ctx.status(204);
    }

    public void endorse(Context ctx) {
        long person = Params.pathId(ctx, "personId");
        EndorsementInput.Valid input = Json.read(ctx, EndorsementInput.class).validated(person);
        ctx.json(areas.endorse(Params.pathId(ctx, "id"), person, input));
    }

    public void suggestions(Context ctx) {
        ctx.json(suggestions.suggest(areas.get(Params.pathId(ctx, "id"))));
    }

    public void form(Context ctx) {
        PriorityArea area = areas.get(Params.pathId(ctx, "id"));
        ClusterInput.Valid input = Json.read(ctx, ClusterInput.class).validated(true);
        ctx.status(201).json(formCluster(area, input, WebContext.viewer(ctx).accountId()));
    }

    /** Forms the cluster with the engine's rating of exactly these members stored beside it. */
    LeaderCluster formCluster(PriorityArea area, ClusterInput.Valid input, Long by) {
        var rating = suggestions.rate(area, input.members());
        return clusters.form(area.id(), input, rating.map(Suggestions.Suggested::score).orElse(0.0),
                rating.map(Suggestions.Suggested::reasons).orElse(List.of()), by);
    }

    public void clusters(Context ctx) {
        ctx.json(access.clusters(WebContext.viewer(ctx)));
    }

    public void cluster(Context ctx) {
        ctx.json(access.cluster(WebContext.viewer(ctx), Params.pathId(ctx, "id")));
    }

    public void updateCluster(Context ctx) {
        long id = Params.pathId(ctx, "id");
        clusters.get(id);
        ClusterInput.Valid input = Json.read(ctx, ClusterInput.class).validated(false);
        ctx.json(clusters.update(id, input, WebContext.viewer(ctx).accountId()));
    }
}
