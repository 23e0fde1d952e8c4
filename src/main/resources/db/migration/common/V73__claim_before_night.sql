-- Issue 38: a night whose input changed after it failed past its ingest starts over from its
-- ingest. Its own claims go (decided_on), but the claims of earlier nights it moved (scheduled,
-- returned, redeemed, expired, reissued, reviewed, confirmed) must get back what they were:
-- the events do not hold every column (approved_on, confirm_by, a reissue's new address).
-- jp.refund.claim.ClaimLifecycle keeps here, with the change, each such claim's columns as they
-- stood before the night first changed it; the night's completion deletes its rows.
CREATE TABLE claim_before_night (
    run_date       DATE         NOT NULL,
    claim_no       CHAR(10)     NOT NULL,
    status         VARCHAR(30)  NOT NULL,
    reasons        VARCHAR(500),
    status_since   DATE         NOT NULL,
    approved_on    DATE,
    payout_date    DATE,
    reference      VARCHAR(40),
    emitted_on     DATE,
    certificate_no VARCHAR(12),
    valid_until    DATE,
    confirm_by     DATE,
    postal_code    CHAR(7),
    address        VARCHAR(1000),
    PRIMARY KEY (run_date, claim_no)
);
