-- One claim per application: the decision, and later the payout.
CREATE TABLE claim (
    claim_no           CHAR(10)     PRIMARY KEY,
    application_id     VARCHAR(20)  NOT NULL,
    channel            VARCHAR(3)   NOT NULL,
    member_id          VARCHAR(20),
    wallet_id          VARCHAR(40),
    status             VARCHAR(20)  NOT NULL,
    reasons            VARCHAR(500),
    amount_yen         BIGINT       NOT NULL,
    payout_method      VARCHAR(6)   NOT NULL,
    -- BANK: the account in Zengin form (Japan Post Bank symbol/number converted)
    bank_code          CHAR(4),
    branch_code        CHAR(3),
    account_type       CHAR(1),
    account_number     CHAR(7),
    holder_name        VARCHAR(200),
    -- POSTAL: where the certificate is mailed
    recipient_name     VARCHAR(200),
    postal_code        CHAR(7),
    address            VARCHAR(1000),
    submitted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_on         DATE         NOT NULL,
    status_since       DATE         NOT NULL,
    approved_on        DATE,
    payout_date        DATE,
    reference          VARCHAR(40),
    emitted_on         DATE,
    CONSTRAINT claim_application UNIQUE (application_id),
    CONSTRAINT claim_status CHECK (status IN ('PENDING_REVIEW', 'APPROVED', 'SCHEDULED', 'RETURNED', 'REJECTED',
                                               'DUPLICATE'))
);
CREATE INDEX claim_member ON claim (member_id);
CREATE INDEX claim_status_idx ON claim (status);
CREATE INDEX claim_account ON claim (bank_code, branch_code, account_type, account_number);

-- Every status change, the first decision included: reports/claim-events.csv.
CREATE TABLE claim_event (
    run_date       DATE         NOT NULL,
    seq            INTEGER      NOT NULL,
    claim_no       CHAR(10)     NOT NULL,
    application_id VARCHAR(20)  NOT NULL,
    channel        VARCHAR(3)   NOT NULL,
    member_id      VARCHAR(20),
    status         VARCHAR(20)  NOT NULL,
    reasons        VARCHAR(500),
    amount_yen     BIGINT       NOT NULL,
    payout_method  VARCHAR(6)   NOT NULL,
    payout_date    DATE,
    reference      VARCHAR(40),
    PRIMARY KEY (run_date, seq)
);
CREATE INDEX claim_event_claim ON claim_event (claim_no);

-- What an identity check did when it was applied: APPROVED, REJECTED, or NO_EFFECT
-- (the claim was not pending review any more).
ALTER TABLE identity_check ADD COLUMN effect VARCHAR(12);

-- WEB applicants are matched by birth date first.
CREATE INDEX member_birth_date ON member (birth_date);
CREATE INDEX application_member ON application (member_id);
