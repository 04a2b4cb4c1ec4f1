package coop.intercoop.hub.platform.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Work of one kind a component does again and again for an organisation: every {@code every}, from {@code nextAt}, as
 * the person who saved it ({@code ownerId}), in the language they asked in. {@code lastJob} is the job its last run
 * queued; {@code suspended}, why runs stopped (their owner may no longer act), until someone saves it again.
 */
public record Schedule(long orgId, String kind, Duration every, Instant nextAt, long ownerId, Locale language,
        Optional<Long> lastJob, Optional<Instant> lastRunAt, Optional<String> suspended, int version) {
}
