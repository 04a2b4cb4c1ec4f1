package coop.intercoop.hub.platform.jobs;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

/**
 * How the job runner runs on this node ({@code hub.jobs.*}, environment {@code HUB_JOBS_*}). Each setting is also read
 * under the name it had when imports were the only jobs ({@code hub.import.workers}, {@code …stale-seconds},
 * {@code …max-attempts}), so that a hub configured then keeps its settings. Read through the methods: the bean is
 * reached through a proxy.
 */
@ApplicationScoped
public class JobSettings {

    @Inject
    Config config;

    /** Jobs this node runs side by side. */
    int workers = 2;
    /** Seconds without a heartbeat after which a running job's node counts as gone and the job is queued again. */
    int staleSeconds = 60;
    /** Runs of a job (interrupted by crashes or the database's transient failures) before it is given up. */
    int maxAttempts = 3;
    /** Seconds between two looks for due schedules ({@link JobScheduler}). */
    int scheduleSeconds = 30;

    @PostConstruct
    void read() {
        workers = setting("workers", workers);
        staleSeconds = setting("stale-seconds", staleSeconds);
        maxAttempts = setting("max-attempts", maxAttempts);
        scheduleSeconds = setting("schedule-seconds", scheduleSeconds);
    }

    private int setting(String name, int otherwise) {
        return config.getOptionalValue("hub.jobs." + name, Integer.class)
                .or(() -> config.getOptionalValue("hub.import." + name, Integer.class)).orElse(otherwise);
    }

    public int workers() {
        return workers;
    }

    public int staleSeconds() {
        return staleSeconds;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public int scheduleSeconds() {
        return scheduleSeconds;
    }
}
