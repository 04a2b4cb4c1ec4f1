package coop.intercoop.hub.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class JobSchedulerTest {

    private static Schedule every(Duration every, Instant nextAt) {
        return new Schedule(1, "kind", every, nextAt, 2, Locale.ENGLISH, Optional.empty(), Optional.empty(),
                Optional.empty(), 0);
    }

    @Test
    void aTurnTakenOnTimeKeepsTheCadence() {
        Instant due = Instant.parse("2026-12-08T06:00:00Z");
        assertEquals(Instant.parse("2026-12-08T12:00:00Z"),
                JobScheduler.next(every(Duration.ofHours(6), due), due.plusSeconds(20)));
    }

    @Test
    void turnsMissedWhileNoNodeRanAreTakenOnceNotOneByOne() {
        Instant due = Instant.parse("2026-12-07T06:00:00Z");
        Instant back = Instant.parse("2026-12-08T09:30:00Z");
        assertEquals(back.plus(Duration.ofHours(6)), JobScheduler.next(every(Duration.ofHours(6), due), back));
    }
}
