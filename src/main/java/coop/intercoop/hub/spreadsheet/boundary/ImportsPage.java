package coop.intercoop.hub.spreadsheet.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.file.UploadedFile;

import coop.intercoop.hub.platform.HubTexts;
import coop.intercoop.hub.spreadsheet.control.ImportTexts;
import coop.intercoop.hub.platform.ForbiddenException;
import coop.intercoop.hub.platform.NotFoundException;
import coop.intercoop.hub.platform.faces.Texts;
import coop.intercoop.hub.platform.faces.WorkbookDownload;
import coop.intercoop.hub.security.control.Caller;
import coop.intercoop.hub.spreadsheet.control.ImportJobs;
import coop.intercoop.hub.spreadsheet.control.ImportProblems;
import coop.intercoop.hub.spreadsheet.control.ImportSettings;
import coop.intercoop.hub.spreadsheet.control.ImportUploads;
import coop.intercoop.hub.spreadsheet.control.ImportWorkbooks;
import coop.intercoop.hub.spreadsheet.control.Importer;
import coop.intercoop.hub.spreadsheet.control.Importers;
import coop.intercoop.hub.spreadsheet.entity.ImportJob;
import coop.intercoop.hub.spreadsheet.entity.ImportMode;
import coop.intercoop.hub.spreadsheet.entity.ImportProblem;
import coop.intercoop.hub.platform.jobs.JobStatus;
import coop.intercoop.hub.tenancy.control.Tenant;
import coop.intercoop.hub.tenancy.entity.Role;

/**
 * The organisation's imports ({@code /org/imports.xhtml}): upload a workbook of a kind through {@link ImportUploads},
 * exactly as the API does (same checks, same refusal of a file imported before unless forced); follow the jobs, newest
 * first, with a progress bar refreshed every second while one is queued or running; and for one job ({@code ?job=}) its
 * validation report and the workbook with its errors column — both, as in the API, only for the person who uploaded it.
 * Every request reads in the organisation checked for it, never one remembered by the view.
 */
@Named
@ViewScoped
public class ImportsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Tenant tenant;

    @Inject
    Caller caller;

    @Inject
    Texts texts;

    @Inject
    Instance<Importers> importers;

    @Inject
    Instance<ImportJobs> jobs;

    @Inject
    Instance<ImportProblems> problemsStore;

    @Inject
    Instance<ImportUploads> uploads;

    @Inject
    Instance<ImportWorkbooks> workbooks;

    @Inject
    Instance<ImportSettings> settings;

    private Long jobId;
    private ImportJob job;
    private boolean uploader;
    private List<String> kinds;
    private long maxFileBytes;
    private String kind;
    private ImportMode mode = ImportMode.ALL_OR_NOTHING;
    private boolean force;
    private UploadedFile file;
    private LazyDataModel<ImportJob> list;
    private LazyDataModel<ImportProblem> problems;
    /** Whether the page of jobs last shown had one queued or running. */
    private boolean listActive;

    @ImportsWorkbooks
    public void load() {
        Importers all = importers.get();
        kinds = all.kinds().stream().filter(k -> may(all.of(k))).toList();
        // the kind chosen before (an upload's redirect carries it) stays chosen
        if (kind == null || !kinds.contains(kind)) {
            kind = kinds.isEmpty() ? null : kinds.get(0);
        }
        maxFileBytes = settings.get().maxFileBytes();
        list = new JobsModel();
        if (jobId != null) {
            refreshJob();
            problems = new ProblemsModel();
        }
    }

    /** The poll's tick while a job is under way: the selected job again (the table reads its page when shown). */
    @ImportsWorkbooks
    public void refresh() {
        if (jobId != null) {
            refreshJob();
        }
    }

    private void refreshJob() {
        job = jobs.get().seen(tenant.id(), jobId).orElseThrow(() -> new NotFoundException("import job", jobId));
        if (!may(importers.get().of(job.kind()))) {
            throw new NotFoundException("import job", jobId);
        }
        // its rows and problems are read in the organisation it was started in only
        uploader = job.startedIn(tenant.id()) && job.createdBy() == caller.user().getId();
    }

    /**
     * Stores the upload as a queued job (the runner starts it once this transaction commits) and shows it. A file this
     * organisation imported before is refused unless "force" is ticked; the refusal is shown next to the file.
     */
    @Transactional
    public String upload() throws IOException {
        Importer importer = importers.get().of(kind);
        tenant.require(importer.roles().toArray(Role[]::new));
        String name = file.getFileName() == null || file.getFileName().isBlank() ? kind + ".xlsx"
                : file.getFileName().strip();
        long id;
        try (InputStream body = file.getInputStream()) {
            id = uploads.get().accept(new ImportUploads.Upload(tenant.id(), kind, mode, force, name, texts.locale(),
                    caller.user().getId()), body);
        }
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        texts.inform("imports.accepted", String.valueOf(id), name);
        return "/org/imports?faces-redirect=true&job=" + id + "&kind=" + kind;
    }

    /** The template of a kind, headers in the portal's language. */
    public void template(String templateKind) throws IOException {
        Importer importer = importers.get().of(templateKind);
        tenant.require(importer.roles().toArray(Role[]::new));
        WorkbookDownload.send(templateKind, out -> workbooks.get().template(importer, texts.locale(), out));
    }

    /** The selected job's workbook with each row's errors in an added column; only for its uploader. */
    @ImportsWorkbooks
    public void errorsWorkbook() throws IOException {
        if (jobId == null) {
            throw new NotFoundException("import job", "none chosen");
        }
        refreshJob();
        if (!uploader) {
            throw new ForbiddenException(new HubTexts.Text(ImportTexts.SPREADSHEET, "rows.uploader-only"));
        }
        ImportJob shown = job;
        WorkbookDownload.send(ImportsResource.withErrorsName(shown), out -> workbooks.get().withErrors(shown, out));
    }

    private boolean may(Importer importer) {
        return importer.roles().stream().anyMatch(tenant::has);
    }

    /** Whether the page should keep refreshing: the selected job or one of the listed jobs is queued or running. */
    public boolean isActive() {
        return listActive || job != null && !job.status().isFinished();
    }

    /** A job's share done, 0 to 100, while it writes: rows written of the rows read (and checked) in the first pass. */
    public int percentWritten(ImportJob job) {
        return job.rowsRead() == 0 ? 0 : (int) Math.min(100, job.rowsWritten() * 100 / job.rowsRead());
    }

    /**
     * A job's share checked, 0 to 100, while it reads its rows: rows checked of the rows its sheet declares (a kind
     * that writes as it checks writes at most two batches behind); -1 if the sheet declares none, so that the bar moves
     * without a figure.
     */
    public int percentChecked(ImportJob job) {
        Long expected = job.rowsExpected();
        return expected == null || expected == 0 ? -1 : (int) Math.min(100, job.rowsValidated() * 100 / expected);
    }

    /**
     * Whether a running job is still reading its rows, so that their number is not known: in its first pass, checking
     * rows, or all along for a kind that checks and writes in one pass. It then shows the rows checked and written so
     * far rather than a share.
     */
    public boolean checking(ImportJob job) {
        return job.status() == JobStatus.RUNNING
                && (job.rowsWritten() == 0 || importers.get().of(job.kind()).streams());
    }

    public Long getJobId() {
        return jobId;
    }

    public void setJobId(Long jobId) {
        this.jobId = jobId;
    }

    public ImportJob getJob() {
        return job;
    }

    public boolean isUploader() {
        return uploader;
    }

    /** Whether the job was started in this organisation, rather than in another one and wrote into this one too. */
    public boolean startedHere(ImportJob shown) {
        return shown.startedIn(tenant.id());
    }

    public List<String> getKinds() {
        return kinds;
    }

    public List<ImportMode> getModes() {
        return Arrays.asList(ImportMode.values());
    }

    public long getMaxFileBytes() {
        return maxFileBytes;
    }

    /** The limit in whole MiB, for the hint under the file. */
    public long getMaxFileMebibytes() {
        return maxFileBytes / (1024 * 1024);
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public ImportMode getMode() {
        return mode;
    }

    public void setMode(ImportMode mode) {
        this.mode = mode;
    }

    public boolean isForce() {
        return force;
    }

    public void setForce(boolean force) {
        this.force = force;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public LazyDataModel<ImportJob> getList() {
        return list;
    }

    public LazyDataModel<ImportProblem> getProblems() {
        return problems;
    }

    private final class JobsModel extends LazyDataModel<ImportJob> {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            tenant.require(ImportsWorkbooks.class);
            return Math.toIntExact(jobs.get().count(tenant.id()));
        }

        @Override
        public List<ImportJob> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            tenant.require(ImportsWorkbooks.class);
            List<ImportJob> page = jobs.get().of(tenant.id(), first, Math.min(pageSize, 200));
            listActive = page.stream().anyMatch(j -> !j.status().isFinished());
            return page;
        }

        @Override
        public String getRowKey(ImportJob row) {
            return String.valueOf(row.id());
        }
    }

    /** The selected job's report, in row order, a page at a time; read only for its uploader. */
    private final class ProblemsModel extends LazyDataModel<ImportProblem> {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            refresh();
            return uploader ? Math.toIntExact(job.errorCount() + job.warningCount()) : 0;
        }

        @Override
        public List<ImportProblem> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            refresh();
            return uploader ? problemsStore.get().page(tenant.id(), job.id(), first, Math.min(pageSize, 500))
                    : List.of();
        }
    }
}
