-- A read of a monthly archive of the feed's pages (a zip the platform publishes per month) uploaded by a tender-manager
-- and read on the job runner like a read of the feed: the archive's name on its read, its bytes in pieces until the
-- read ends.
ALTER TABLE tender_feed_read ADD COLUMN archive_name VARCHAR(255) NULL;

CREATE TABLE tender_feed_archive_piece (
    org_id    BIGINT      NOT NULL,
    read_id   BIGINT      NOT NULL,
    piece_no  INT         NOT NULL,
    data      MEDIUMBLOB  NOT NULL,
    CONSTRAINT pk_tender_feed_archive_piece PRIMARY KEY (org_id, read_id, piece_no),
    CONSTRAINT fk_tender_feed_archive_piece_read FOREIGN KEY (org_id, read_id) REFERENCES tender_feed_read (org_id, id)
        ON DELETE CASCADE
) ENGINE = InnoDB;
