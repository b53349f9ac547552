package org.convene.communities;

import io.javalin.http.Context;
import io.javalin.http.UnsupportedMediaTypeResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.convene.accounts.Viewer;
import org.convene.errors.ForbiddenException;
import org.convene.errors.NotFoundException;
import org.convene.errors.TooLargeException;
import org.convene.errors.ValidationException;
import org.convene.web.Json;
import org.convene.web.Params;
import org.convene.web.WebContext;

/**
 * /api/v1/communities/{id}/resources and /api/v1/resources: a community's links and files. A link
 * comes as JSON, a file as multipart/form-data (fields title, description and file). The download
 * serves the pages too. Resources are seen as the community's discussions are; members add them;
 * whoever added one and the convenors delete it; convenors pin them.
 */
public final class ResourcesApi {
    /** A multipart body above this is refused from its declared length, before it is read: the file's limit and room for the fields. */
    private static final long MAX_REQUEST = ResourceFile.MAX_BYTES + 64 * 1024;

    private final Communities communities;
    private final Resources resources;
    private final CommunityAccess access;

    public ResourcesApi(Communities communities, Discussions discussions, Resources resources) {
        this.communities = communities;
        this.resources = resources;
        this.access = new CommunityAccess(communities, discussions);
    }

    public void list(Context ctx) {
        Community c = access.reading(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        ctx.json(resources.ofCommunity(c.id(), null).items());
    }

    public void add(Context ctx) {
        Community c = access.asMember(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        long me = WebContext.ownPersonId(ctx);
        ResourceInput.Valid input;
        try {
            input = ctx.isMultipartFormData() ? multipart(ctx) : json(ctx);
        } catch (FileRefused e) {
            throw switch (e.status()) {
                case 413 -> new TooLargeException(e.getMessage());
                case 415 -> new UnsupportedMediaTypeResponse(e.getMessage());
                default -> e;
            };
        }
        ctx.status(201).json(resources.add(c.id(), me, input));
    }

    private static ResourceInput.Valid multipart(Context ctx) {
        if (ctx.contentLength() > MAX_REQUEST) {
            throw ResourceFile.tooLarge(ctx.contentLength());
        }
        return formInput(ctx);
    }

    private static ResourceInput.Valid json(Context ctx) {
        String type = ctx.contentType() == null ? "application/json" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw new UnsupportedMediaTypeResponse("Send a link as JSON (Content-Type: application/json), or a file as multipart/form-data");
        }
        return Json.read(ctx, ResourceInput.class).validated(null);
    }

    /** The resource from a form (the page's, or a multipart API call): its fields and its file, if one was chosen. */
    static ResourceInput.Valid formInput(Context ctx) {
        return new ResourceInput(ctx.formParam("title"), ctx.formParam("description"), ctx.formParam("url")).validated(upload(ctx));
    }

    private static ResourceInput.Upload upload(Context ctx) {
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        if (file == null || (file.size() == 0 && (file.filename() == null || file.filename().isBlank()))) {
            return null;
        }
        if (file.size() > ResourceFile.MAX_BYTES) {
            throw ResourceFile.tooLarge(file.size());
        }
        try (InputStream in = file.content()) {
            return new ResourceInput.Upload(file.filename(), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void get(Context ctx) {
        ctx.json(seen(WebContext.viewer(ctx), Params.pathId(ctx, "id")).resource());
    }

    /** The file, as an attachment of the type its content showed when it was stored; never sniffed by the browser. */
    public void file(Context ctx) {
        Resource r = seen(WebContext.viewer(ctx), Params.pathId(ctx, "id")).resource();
        Resources.Download d = resources.download(r.id())
                .orElseThrow(() -> new NotFoundException("Resource " + r.id() + " is a link, not a file: " + r.url()));
        ctx.header("Content-Disposition", ResourceFile.attachment(d.fileName()));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(d.contentType());
        ctx.result(d.content());
    }

    public void delete(Context ctx) {
        resources.delete(removable(WebContext.viewer(ctx), Params.pathId(ctx, "id")).id());
        ctx.status(204);
    }

    public void pin(Context ctx) {
        Resource r = pinnable(WebContext.viewer(ctx), Params.pathId(ctx, "id"));
        CommunitiesApi.PinInput input = Json.read(ctx, CommunitiesApi.PinInput.class);
        if (input.pinned() == null) {
            throw new ValidationException("Say whether to pin", java.util.Map.of("pinned", "Set pinned to true or false"));
        }
        ctx.json(resources.pin(r.id(), input.pinned()));
    }

    /** A resource and its community, if the viewer may see them; otherwise the resource does not exist for them. */
    private record Seen(Resource resource, Community community) {
    }

    private Seen seen(Viewer viewer, long id) {
        Resource r = resources.get(id);
        Community c = communities.get(r.communityId());
        if (!access.readsDiscussions(viewer, c)) {
            throw Resources.missing(id);
        }
        return new Seen(r, c);
    }

    /** The resource, if the viewer added it or convenes its community. */
    Resource removable(Viewer viewer, long id) {
        Seen s = seen(viewer, id);
        boolean own = viewer.personId() != null && viewer.personId().equals(s.resource().addedBy());
        if (!own && !access.convenes(viewer, s.community())) {
            throw new ForbiddenException("Only whoever added a resource and the community's convenors can delete it");
        }
        return s.resource();
    }

    /** The resource, if the viewer convenes its community. */
    Resource pinnable(Viewer viewer, long id) {
        Seen s = seen(viewer, id);
        if (!access.convenes(viewer, s.community())) {
            throw new ForbiddenException("Only the community's convenors can pin resources");
        }
        return s.resource();
    }
}
