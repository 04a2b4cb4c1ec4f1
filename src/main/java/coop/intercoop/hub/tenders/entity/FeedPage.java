package coop.intercoop.hub.tenders.entity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One page of the platform's ATOM feed: its entries, its tombstones (entries the platform took out, RFC 6721) and the
 * link to the next, older page.
 */
public record FeedPage(List<Tender> entries, List<Tombstone> tombstones, Optional<String> next) {

    public FeedPage {
        entries = List.copyOf(entries);
        tombstones = List.copyOf(tombstones);
    }

    /** An entry the platform took out of its feed ({@code at:deleted-entry}): {@code ref} is the entry's id. */
    public record Tombstone(String ref, Instant when) {
    }
}
