package coop.intercoop.hub.spreadsheet.boundary;

import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import coop.intercoop.hub.platform.Xlsx;
import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.platform.ForbiddenException;
import coop.intercoop.hub.platform.InvalidParameterException;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.spreadsheet.control.ImportJobs;
import coop.intercoop.hub.spreadsheet.control.ImportProblems;
import coop.intercoop.hub.spreadsheet.control.ImportTexts;
import coop.intercoop.hub.spreadsheet.control.ImportUploads;
import coop.intercoop.hub.spreadsheet.control.ImportWorkbooks;
import coop.intercoop.hub.spreadsheet.control.Importer;
import coop.intercoop.hub.spreadsheet.control.Importers;
import coop.intercoop.hub.spreadsheet.entity.ImportJob;
import coop.intercoop.hub.spreadsheet.entity.ImportMode;
import coop.intercoop.hub.spreadsheet.entity.ImportProblem;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.entity.Role;

/**
 * Import jobs: upload a workbook of a kind (journal entries, chart subaccounts, opening balances) and get a job that
 * runs in the background; follow its progress; read its validation report or download the workbook with an errors
 * column; download a kind's template.
 */
@Path("orgs/{org}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports")
@Transactional
public class ImportsResource {

    static final String XLSX = Xlsx.MEDIA_TYPE;

    /** The length of {@code import_job.file_name}. (Not {@code @Size}: Payara's OpenAPI scan fails on it there.) */
    static final int MAX_FILE_NAME = 255;

    @Inject
    Tenant tenant;

    @Inject
    Caller caller;

    @Inject
    Importers importers;

    @Inject
    ImportJobs jobs;

    @Inject
    ImportProblems problems;

    @Inject
    ImportUploads uploads;

    @Inject
    ImportWorkbooks workbooks;

    /**
     * A job as the API shows it. A job started in another organisation that wrote into this one shows
     * {@code startedHere: false} and, of its counts, only {@code rowsWritten}, the rows it wrote here: its workbook's
     * other counts and its outcome may concern organisations the caller does not belong to.
     */
    public record JobJson(long id, String kind, String mode, String status, String fileName, long fileBytes,
            String contentHash, boolean forced, String language, boolean startedHere, Instant createdAt,
            Instant startedAt, Instant finishedAt, int attempts, Long rowsExpected, Long rowsRead, Long rowsValidated,
            long rowsWritten, Long rowsSkipped, Long errorCount, Long warningCount, String outcome) {
        static JobJson of(ImportJob j, long org) {
            boolean here = j.startedIn(org);
            return new JobJson(j.id(), j.kind(), j.mode().apiName, j.status().name().toLowerCase(Locale.ROOT),
                    j.fileName(), j.fileBytes(), j.contentHash(), j.forced(), j.language(), here, j.createdAt(),
                    j.startedAt(), j.finishedAt(), j.attempts(), j.rowsExpected(), here ? j.rowsRead() : null,
                    here ? j.rowsValidated() : null, j.rowsWritten(), here ? j.rowsSkipped() : null,
                    here ? j.errorCount() : null, here ? j.warningCount() : null, j.outcome());
        }
    }

    public record JobsPage(long total, List<JobJson> jobs) {
    }

    public record ProblemsPage(long total, List<ImportProblem> problems) {
    }

    @POST
    @Path("imports/{kind}")
    @Consumes({ XLSX, MediaType.APPLICATION_OCTET_STREAM })
    @Operation(summary = "Upload an xlsx workbook to import (journal-entries, chart-subaccounts, opening-balances, "
            + "payroll-employees, payroll-contracts, payroll-gestoria-summary); "
            + "'mode' is validate, all-or-nothing (default) or valid-rows; the same file again is refused (409) unless "
            + "'force' is true. Answers 202 with the job, which runs in the background")
    public Response upload(@PathParam("kind") String kind, @QueryParam("mode") String mode,
            @QueryParam("force") @DefaultValue("false") boolean force, @QueryParam("fileName") String fileName,
            @Context HttpHeaders headers, InputStream body) {
        Importer importer = importers.of(kind);
        requireRoles(importer);
        InvalidParameterException.atMost(fileName, MAX_FILE_NAME, "fileName");
        ImportMode importMode = ImportMode.of(mode);
        Locale language = ImportTexts
                .language(headers.getAcceptableLanguages().isEmpty() ? null : headers.getAcceptableLanguages().get(0));
        String name = fileName == null || fileName.isBlank() ? kind + ".xlsx" : fileName.strip();
        long id = uploads.accept(
                new ImportUploads.Upload(tenant.id(), kind, importMode, force, name, language, caller.user().getId()),
                body);
        ImportJob job = jobs.find(tenant.id(), id).orElseThrow();
        return Response.accepted(JobJson.of(job, tenant.id()))
                .location(URI.create("orgs/" + tenant.id() + "/imports/" + id)).build();
    }

    @GET
    @Path("imports")
    @Operation(summary = "The organisation's import jobs, newest first, with the jobs of other organisations that "
            + "wrote into it (startedHere false, only the rows written here); 'first' and 'max' (at most 200) page them")
    @ImportsWorkbooks
    public JobsPage list(@QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("max") @DefaultValue("50") int max) {
        return new JobsPage(jobs.count(tenant.id()),
                jobs.of(tenant.id(), Math.max(0, first), Math.max(1, Math.min(200, max))).stream()
                        .map(j -> JobJson.of(j, tenant.id())).toList());
    }

    @GET
    @Path("imports/{id: [0-9]+}")
    @Operation(summary = "One import job: status, progress (rows read, validated, written), errors, outcome")
    public JobJson find(@PathParam("id") long id) {
        return JobJson.of(visible(id), tenant.id());
    }

    @GET
    @Path("imports/{id: [0-9]+}/problems")
    @Operation(summary = "The job's validation report, in row order: sheet, row, column and message of every error "
            + "and warning (only the person who uploaded the file); 'first' and 'max' (at most 5000) page it")
    public ProblemsPage problems(@PathParam("id") long id, @QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("max") @DefaultValue("500") int max) {
        ImportJob job = uploaded(id);
        return new ProblemsPage(job.errorCount() + job.warningCount(),
                problems.page(tenant.id(), id, Math.max(0, first), Math.max(1, Math.min(5_000, max))));
    }

    @GET
    @Path("imports/{id: [0-9]+}/workbook")
    @Produces(XLSX)
    @Operation(summary = "The uploaded workbook with an added column listing each row's errors (only the person who "
            + "uploaded the file)")
    public Response workbook(@PathParam("id") long id) {
        ImportJob job = uploaded(id);
        StreamingOutput stream = out -> workbooks.withErrors(job, out);
        return Response.ok(stream, XLSX).header(HttpHeaders.CONTENT_DISPOSITION, Xlsx.attachment(withErrorsName(job)))
                .build();
    }

    @GET
    @Path("import-templates/{kind}")
    @Produces(XLSX)
    @Operation(summary = "The template workbook of an import kind: headers in the caller's language, drop-down lists, "
            + "an example")
    public Response template(@PathParam("kind") String kind, @Context HttpHeaders headers) {
        Importer importer = importers.of(kind);
        requireRoles(importer);
        Locale language = ImportTexts
                .language(headers.getAcceptableLanguages().isEmpty() ? null : headers.getAcceptableLanguages().get(0));
        StreamingOutput stream = out -> workbooks.template(importer, language, out);
        return Response.ok(stream, XLSX).header(HttpHeaders.CONTENT_DISPOSITION, Xlsx.attachment(kind)).build();
    }

    private void requireRoles(Importer importer) {
        tenant.require(importer.roles().toArray(Role[]::new));
    }

    /** A job of this organisation, or one that wrote into it, the caller may follow (its kind's roles). */
    private ImportJob visible(long id) {
        ImportJob job = jobs.seen(tenant.id(), id).orElseThrow(() -> new NotFoundException("import job", id));
        requireRoles(importers.of(job.kind()));
        return job;
    }

    /**
     * A job whose rows the caller may read: only the uploader's, since a workbook may carry rows of organisations other
     * members of this one do not belong to, and only in the organisation it was started in (elsewhere it is not found).
     */
    private ImportJob uploaded(long id) {
        ImportJob job = visible(id);
        if (!job.startedIn(tenant.id())) {
            throw new NotFoundException("import job", id);
        }
        if (job.createdBy() != caller.user().getId()) {
            throw new ForbiddenException(new HubTexts.Text(ImportTexts.SPREADSHEET, "rows.uploader-only"));
        }
        return job;
    }

    /** The name of a job's workbook with its errors column, without extension. */
    static String withErrorsName(ImportJob job) {
        return job.fileName().replaceFirst("(?i)\\.xlsx$", "") + "-errores";
    }
}
