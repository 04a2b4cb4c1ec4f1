package coop.intercoop.hub.spreadsheet.control;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import coop.intercoop.hub.platform.Database.SchemaReady;
import coop.intercoop.hub.platform.jobs.JobSettings;

/**
 * How imports run on this node (read through the methods: the bean is reached through a proxy) ({@code hub.import.*},
 * environment {@code HUB_IMPORT_*}); how many run side by side, and when an interrupted one is run again or given up,
 * are the job runner's settings ({@link JobSettings}).
 */
@ApplicationScoped
public class ImportSettings {

    private static final Logger LOG = Logger.getLogger(ImportSettings.class.getName());

    /** Largest workbook accepted, in bytes. */
    @Inject
    @ConfigProperty(name = "hub.import.max-file-bytes", defaultValue = "209715200")
    long maxFileBytes;

    /** Most data rows a sheet may have (an xlsx sheet holds 1,048,576 rows). */
    @Inject
    @ConfigProperty(name = "hub.import.max-rows", defaultValue = "1048576")
    long maxRows;

    /** POI's zip-bomb guard: the least compressed/uncompressed ratio of an entry. */
    @Inject
    @ConfigProperty(name = "hub.import.min-inflate-ratio", defaultValue = "0.01")
    double minInflateRatio;

    /** POI's guard: the largest uncompressed entry of the zip, in bytes. */
    @Inject
    @ConfigProperty(name = "hub.import.max-entry-bytes", defaultValue = "2147483648")
    long maxEntryBytes;

    /**
     * The most characters of text a workbook may carry (its shared strings, each counting at least one, and the text of
     * the sheet read); enforced by the hub's reader, which POI's event API does not do.
     */
    @Inject
    @ConfigProperty(name = "hub.import.max-text-chars", defaultValue = "200000000")
    long maxTextChars;

    /**
     * The most bytes of a workbook's shared strings a job keeps on the heap (their UTF-8 and index); the rest go to a
     * work file: with the rows a job holds, this bounds a job's heap whatever the workbook says.
     */
    @Inject
    @ConfigProperty(name = "hub.import.strings-heap-bytes", defaultValue = "67108864")
    long stringsHeapBytes;

    /** Problems kept per job (all are counted). */
    @Inject
    @ConfigProperty(name = "hub.import.max-problems", defaultValue = "100000")
    long maxProblems;

    /** Where a running job keeps its copy of the workbook; the system's temporary directory by default. */
    @Inject
    @ConfigProperty(name = "hub.import.work-dir", defaultValue = " ")
    String workDir;

    /** Warns, at start, a hub whose heap is too small for the jobs it runs side by side (see {@link #heapWarning}). */
    void warnAboutHeap(@Observes SchemaReady ready, JobSettings jobs) {
        String heap = heapWarning(Runtime.getRuntime().maxMemory(), jobs.workers());
        if (heap != null) {
            LOG.warning(heap);
        }
    }

    /**
     * What a hub whose heap is {@code maxHeap} bytes should be told, or null if it has enough: 512 MiB for the hub and
     * 256 MiB per job worker, as for an import (a job's rows, its batch of entries, its shared strings up to
     * {@code hub.import.strings-heap-bytes}). The JVM reports a little less than {@code -Xmx} (a survivor space), hence
     * the tenth of leeway.
     */
    static String heapWarning(long maxHeap, int workers) {
        long needed = (512L + 256L * workers) << 20;
        if (maxHeap >= needed - needed / 10) {
            return null;
        }
        return String
                .format("The hub runs with %,d MiB of heap; with %d import workers it needs %,d MiB: start the JVM "
                        + "with -Xmx%dm or more (see the README)", maxHeap >> 20, workers, needed >> 20, needed >> 20);
    }

    public XlsxReader.Limits limits() {
        return new XlsxReader.Limits(maxFileBytes, maxRows, minInflateRatio, maxEntryBytes, maxTextChars,
                stringsHeapBytes, workDir());
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    long maxProblems() {
        return maxProblems;
    }

    Path workDir() {
        return Paths.get(workDir.isBlank() ? System.getProperty("java.io.tmpdir") : workDir.strip());
    }
}
