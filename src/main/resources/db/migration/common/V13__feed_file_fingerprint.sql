-- Issue 21. How many physical lines a feed's records spanned (a quote running on hides
-- lines inside one record; the reject ratio counts lines too), and what the feed file was
-- when its ingest began (SHA-256 and size): a restart after the file changed stops.
ALTER TABLE ingest_count ADD COLUMN lines_read BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE ingest_count ADD COLUMN rejected_lines BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE ingest_count ADD COLUMN file_sha256 CHAR(64);
ALTER TABLE ingest_count ADD COLUMN file_bytes BIGINT;
