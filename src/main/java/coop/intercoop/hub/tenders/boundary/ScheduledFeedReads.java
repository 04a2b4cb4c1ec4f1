package coop.intercoop.hub.tenders.boundary;

import java.util.Optional;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import coop.intercoop.hub.platform.jobs.Schedule;
import coop.intercoop.hub.platform.jobs.ScheduledJob;
import coop.intercoop.hub.tenders.control.FeedReadJob;
import coop.intercoop.hub.tenders.control.FeedReads;

/**
 * The organisation's scheduled reads of the feed, entered as the API's reads are: the schedule's owner must still be
 * one of the organisation's org-admins or tender-managers when each read is queued, else the schedule is suspended
 * saying why.
 */
@Dependent
public class ScheduledFeedReads implements ScheduledJob {

    @Inject
    FeedReads reads;

    @Override
    public String kind() {
        return FeedReadJob.KIND;
    }

    @Override
    @ManagesTenders
    public long queue(Schedule schedule) {
        return reads.start(Optional.empty(), schedule.language(), schedule.ownerId());
    }
}
