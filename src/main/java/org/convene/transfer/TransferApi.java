package org.convene.transfer;

import io.javalin.http.Context;
import io.javalin.http.UnsupportedMediaTypeResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import org.convene.audit.Actor;
import org.convene.audit.AuditAction;
import org.convene.audit.AuditLog;
import org.convene.errors.TooLargeException;

/**
 * /api/v1/imports and /api/v1/exports: the same imports and exports for scripts. An import takes
 * the CSV file itself as the request body. The body is read as a stream with its own limit
 * ({@link #MAX_BYTES}), not through the 1 MB limit that protects JSON requests.
 */
public final class TransferApi {
    static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final String TOO_LARGE = "The CSV file is larger than 20 MB. Split it into smaller files and send them one by one.";
    private final PeopleImport people;
    private final OrganisationsImport organisations;
    private final DirectoryExport export;
    private final AuditLog audit;

    public TransferApi(PeopleImport people, OrganisationsImport organisations, DirectoryExport export, AuditLog audit) {
        this.people = people;
        this.organisations = organisations;
        this.export = export;
        this.audit = audit;
    }

    public void importPeople(Context ctx) {
        ImportReport report = people.run(csvBody(ctx));
        audit.record(Actor.of(ctx), AuditAction.IMPORT, null, "Imported people through the API: " + report.summary());
        ctx.status(201).json(Map.of("imported", report.imported()));
    }

    public void importOrganisations(Context ctx) {
        ImportReport report = organisations.run(csvBody(ctx));
        audit.record(Actor.of(ctx), AuditAction.IMPORT, null, "Imported organisations through the API: " + report.summary());
        ctx.status(201).json(Map.of("imported", report.imported()));
    }

    public void peopleCsv(Context ctx) throws IOException {
        TransferPages.download(ctx, export, audit, DirectoryExport.What.PEOPLE);
    }

    public void organisationsCsv(Context ctx) throws IOException {
        TransferPages.download(ctx, export, audit, DirectoryExport.What.ORGANISATIONS);
    }

    public void tiesCsv(Context ctx) throws IOException {
        TransferPages.download(ctx, export, audit, DirectoryExport.What.TIES);
    }

    /** The request body as a CSV stream: text/csv in UTF-8, at most {@link #MAX_BYTES}. */
    public static InputStream csvBody(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        String mediaType = type.split(";", 2)[0].strip();
        if (!mediaType.equals("text/csv")) {
            throw new UnsupportedMediaTypeResponse("Send the CSV file as the request body with 'Content-Type: text/csv'");
        }
        if (type.contains("charset=") && !type.replace(" ", "").matches(".*charset=\"?utf-?8\"?.*")) {
            throw new UnsupportedMediaTypeResponse("Send the CSV file as UTF-8 ('Content-Type: text/csv; charset=utf-8')");
        }
        if (ctx.contentLength() > MAX_BYTES) {
            throw new TooLargeException(TOO_LARGE);
        }
        return new CappedInputStream(ctx.bodyInputStream(), MAX_BYTES, TOO_LARGE);
    }
}
