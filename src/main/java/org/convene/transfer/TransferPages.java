package org.convene.transfer;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.convene.audit.Actor;
import org.convene.audit.AuditAction;
import org.convene.audit.AuditLog;
import org.convene.errors.ImportRejectedException;
import org.convene.web.Templates;
import org.convene.web.Text;
import org.convene.web.WebContext;

/** /transfer: upload people or organisations as CSV, download the directory as CSV (programme team). */
public final class TransferPages {
    private final Templates templates;
    private final PeopleImport people;
    private final OrganisationsImport organisations;
    private final DirectoryExport export;
    private final AuditLog audit;

    /** Why the last upload was refused, shown beside the form it came from ("people" or "organisations"). */
    public record Problem(String form, String message, List<ImportRejectedException.Row> rows, int more) {
    }

    public TransferPages(Templates templates, PeopleImport people, OrganisationsImport organisations, DirectoryExport export,
                         AuditLog audit) {
        this.templates = templates;
        this.people = people;
        this.organisations = organisations;
        this.export = export;
        this.audit = audit;
    }

    public void show(Context ctx) {
        render(ctx, null);
    }

    public void importPeople(Context ctx) {
        upload(ctx, "people", people::run);
    }

    public void importOrganisations(Context ctx) {
        upload(ctx, "organisations", organisations::run);
    }

    public void peopleCsv(Context ctx) throws IOException {
        download(ctx, export, audit, DirectoryExport.What.PEOPLE);
    }

    public void organisationsCsv(Context ctx) throws IOException {
        download(ctx, export, audit, DirectoryExport.What.ORGANISATIONS);
    }

    public void tiesCsv(Context ctx) throws IOException {
        download(ctx, export, audit, DirectoryExport.What.TIES);
    }

    private void upload(Context ctx, String form, Function<InputStream, ImportReport> importer) {
        UploadedFile file = ctx.uploadedFile("file");
        // Browsers send an empty part with no file name when no file was chosen.
        if (file == null || file.filename() == null || file.filename().isBlank()) {
            ctx.status(422);
            render(ctx, new Problem(form, "Choose a CSV file to upload", List.of(), 0));
            return;
        }
        try (InputStream in = file.content()) {
            ImportReport report = importer.apply(in);
            audit.record(Actor.of(ctx), AuditAction.IMPORT, null, "Imported " + form + " from " + Text.clip(file.filename(), 100)
                    + ": " + report.summary());
            // Redirect so that reloading the page cannot import the same file twice.
            WebContext.flash(ctx, report.summary());
            ctx.redirect("/transfer");
        } catch (ImportRejectedException e) {
            ctx.status(422);
            render(ctx, new Problem(form, e.getMessage(), e.rows(), e.more()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void render(Context ctx, Problem problem) {
        Map<String, Object> model = new HashMap<>();
        model.put("problem", problem);
        model.put("peopleColumns", PeopleImport.COLUMNS.read());
        model.put("organisationColumns", OrganisationsImport.COLUMNS.read());
        model.put("maxRows", CsvImport.MAX_ROWS);
        templates.page(ctx, "transfer/index.jte", model);
    }

    /** Streams an export as a download; shared by the page and the API. */
    static void download(Context ctx, DirectoryExport export, AuditLog audit, DirectoryExport.What what) throws IOException {
        audit.record(Actor.of(ctx), AuditAction.EXPORT, null, "Downloaded " + what.fileName(LocalDate.now()));
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + what.fileName(LocalDate.now()) + "\"");
        export.write(what, ctx.outputStream());
    }
}
