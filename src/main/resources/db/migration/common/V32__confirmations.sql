-- confirmations.csv (SPEC section 9): the applicant's answer about a claim awaiting
-- confirmation. effect: what applying it did (APPROVED, PENDING_REVIEW or NO_EFFECT).
CREATE TABLE confirmation (
    confirmation_id VARCHAR(40)  PRIMARY KEY,
    claim_no        CHAR(10)     NOT NULL,
    answered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    answer          VARCHAR(7)   NOT NULL,
    content_hash    CHAR(64)     NOT NULL,
    ingested_on     DATE         NOT NULL,
    source_line     INTEGER      NOT NULL,
    effect          VARCHAR(30)
);
CREATE INDEX confirmation_ingested_on ON confirmation (ingested_on);
CREATE INDEX confirmation_claim ON confirmation (claim_no);

-- The deadline step and the reminders look for claims by their confirmation deadline.
CREATE INDEX claim_confirm_by ON claim (confirm_by);

-- An identity check PASS may now leave its claim AWAITING_CONFIRMATION.
ALTER TABLE identity_check ALTER COLUMN effect SET DATA TYPE VARCHAR(30);

-- AWAITING_CONFIRMATION is 21 characters: the status columns were 20.
ALTER TABLE claim ALTER COLUMN status SET DATA TYPE VARCHAR(30);
ALTER TABLE claim_event ALTER COLUMN status SET DATA TYPE VARCHAR(30);
