package coop.intercoop.hub.spreadsheet.control;

import java.nio.file.Path;
import java.nio.file.Paths;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How imports run on this node (read through the methods: the bean is reached through a proxy) ({@code hub.import.*},
 * environment {@code HUB_IMPORT_*}).
 */
@ApplicationScoped
public class ImportSettings {

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

    /** Jobs this node runs side by side. */
    @Inject
    @ConfigProperty(name = "hub.import.workers", defaultValue = "2")
    int workers;

    /** Seconds without a heartbeat after which a running job's node counts as gone and the job is run again. */
    @Inject
    @ConfigProperty(name = "hub.import.stale-seconds", defaultValue = "60")
    int staleSeconds;

    /** Runs of a job interrupted by crashes before it is given up. */
    @Inject
    @ConfigProperty(name = "hub.import.max-attempts", defaultValue = "3")
    int maxAttempts;

    /** Problems kept per job (all are counted). */
    @Inject
    @ConfigProperty(name = "hub.import.max-problems", defaultValue = "100000")
    long maxProblems;

    /** Where a running job keeps its copy of the workbook; the system's temporary directory by default. */
    @Inject
    @ConfigProperty(name = "hub.import.work-dir", defaultValue = " ")
    String workDir;

    public XlsxReader.Limits limits() {
        return new XlsxReader.Limits(maxFileBytes, maxRows, minInflateRatio, maxEntryBytes, maxTextChars,
                stringsHeapBytes, workDir());
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    int workers() {
        return workers;
    }

    int staleSeconds() {
        return staleSeconds;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    long maxProblems() {
        return maxProblems;
    }

    Path workDir() {
        return Paths.get(workDir.isBlank() ? System.getProperty("java.io.tmpdir") : workDir.strip());
    }
}
