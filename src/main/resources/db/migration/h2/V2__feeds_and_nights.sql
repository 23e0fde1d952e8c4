-- Input feeds: every accepted row is an immutable fact, stored once under its key.
-- content_hash is the SHA-256 of the decoded values in the feed's column order, so a
-- re-delivered row can be told apart from a conflicting one without comparing columns.
-- ingested_on is the run date (business night) that first accepted the row.

CREATE TABLE member (
    member_id          VARCHAR(20)  PRIMARY KEY,
    family_name        VARCHAR(200) NOT NULL,
    given_name         VARCHAR(200) NOT NULL,
    family_name_kana   VARCHAR(200) NOT NULL,
    given_name_kana    VARCHAR(200) NOT NULL,
    birth_date         DATE         NOT NULL,
    email              VARCHAR(320) NOT NULL,
    phone              VARCHAR(40)  NOT NULL,
    postal_code        VARCHAR(8)   NOT NULL,
    address            VARCHAR(1000) NOT NULL,
    contact_changed_at TIMESTAMP WITH TIME ZONE,
    content_hash       CHAR(64)     NOT NULL,
    ingested_on        DATE         NOT NULL,
    source_line        INTEGER      NOT NULL
);
CREATE INDEX member_ingested_on ON member (ingested_on);

CREATE TABLE wallet (
    wallet_id     VARCHAR(40)  PRIMARY KEY,
    member_id     VARCHAR(20)  NOT NULL,
    balance_yen   BIGINT       NOT NULL,
    disputed_yen  BIGINT       NOT NULL,
    compromised   BOOLEAN      NOT NULL,
    content_hash  CHAR(64)     NOT NULL,
    ingested_on   DATE         NOT NULL,
    source_line   INTEGER      NOT NULL,
    CONSTRAINT wallet_one_per_member UNIQUE (member_id),
    CONSTRAINT wallet_amounts CHECK (balance_yen >= 0 AND disputed_yen >= 0 AND disputed_yen <= balance_yen)
);
CREATE INDEX wallet_ingested_on ON wallet (ingested_on);

-- Both application feeds share one table: application_id is unique across channels.
CREATE TABLE application (
    application_id      VARCHAR(20)  PRIMARY KEY,
    channel             VARCHAR(3)   NOT NULL,
    submitted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    payout_method       VARCHAR(6)   NOT NULL,
    bank_code           CHAR(4),
    branch_code         CHAR(3),
    account_type        CHAR(1),
    account_number      VARCHAR(7),
    yucho_symbol        CHAR(5),
    yucho_number        VARCHAR(8),
    account_holder_kana VARCHAR(200),
    recipient_name      VARCHAR(200),
    postal_code         VARCHAR(8),
    address             VARCHAR(1000),
    email               VARCHAR(320) NOT NULL,
    phone               VARCHAR(40)  NOT NULL,
    member_id           VARCHAR(20),
    family_name         VARCHAR(200),
    given_name          VARCHAR(200),
    family_name_kana    VARCHAR(200),
    given_name_kana     VARCHAR(200),
    birth_date          DATE,
    content_hash        CHAR(64)     NOT NULL,
    ingested_on         DATE         NOT NULL,
    source_line         INTEGER      NOT NULL,
    CONSTRAINT application_channel CHECK (channel IN ('APP', 'WEB')),
    CONSTRAINT application_payout_method CHECK (payout_method IN ('BANK', 'POSTAL'))
);
CREATE INDEX application_ingested_on ON application (ingested_on);

CREATE TABLE identity_check (
    check_id       VARCHAR(40)  PRIMARY KEY,
    application_id VARCHAR(20)  NOT NULL,
    checked_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    result         VARCHAR(4)   NOT NULL,
    document_type  VARCHAR(20)  NOT NULL,
    reviewer_id    VARCHAR(40)  NOT NULL,
    note           VARCHAR(2000),
    content_hash   CHAR(64)     NOT NULL,
    ingested_on    DATE         NOT NULL,
    source_line    INTEGER      NOT NULL
);
CREATE INDEX identity_check_ingested_on ON identity_check (ingested_on);
CREATE INDEX identity_check_application ON identity_check (application_id);

CREATE TABLE bank_return (
    return_id    VARCHAR(40)  PRIMARY KEY,
    claim_no     CHAR(10)     NOT NULL,
    value_date   DATE         NOT NULL,
    amount_yen   BIGINT       NOT NULL,
    reason       VARCHAR(30)  NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    content_hash CHAR(64)     NOT NULL,
    ingested_on  DATE         NOT NULL,
    source_line  INTEGER      NOT NULL
);
CREATE INDEX bank_return_ingested_on ON bank_return (ingested_on);
CREATE UNIQUE INDEX bank_return_one_per_claim ON bank_return (claim_no);

-- Rows that broke a rule, exactly as they go to output/<D>/rejects/<feed>.csv.
CREATE TABLE ingest_reject (
    run_date    DATE         NOT NULL,
    feed        VARCHAR(30)  NOT NULL,
    line_number INTEGER      NOT NULL,
    reason      VARCHAR(30)  NOT NULL,
    field       VARCHAR(40),
    message     VARCHAR(1000) NOT NULL,
    raw         CLOB         NOT NULL,
    PRIMARY KEY (run_date, feed, line_number)
);

-- Per night and feed: read = accepted + skipped + rejected, kept in the same
-- transaction as the rows themselves so a restart resumes with exact counts.
CREATE TABLE ingest_count (
    run_date   DATE        NOT NULL,
    feed       VARCHAR(30) NOT NULL,
    file_name  VARCHAR(200),
    rows_read  BIGINT      NOT NULL,
    accepted   BIGINT      NOT NULL,
    skipped    BIGINT      NOT NULL,
    rejected   BIGINT      NOT NULL,
    PRIMARY KEY (run_date, feed)
);

-- One row per business night that completed. completed_at is for operators only;
-- it never reaches an output file.
CREATE TABLE night (
    run_date     DATE PRIMARY KEY,
    completed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
