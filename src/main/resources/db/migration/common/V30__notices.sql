-- Applicant notices (SPEC section 9), owned by jp.refund.notice. One row per notice a night
-- created; notices/notices.csv and notices/letters.csv are written from it in
-- (claim_no, kind) order. notice_id = <claim_no>-<kind>-<n>, n counting that kind for the
-- claim from 1. fields: the template's placeholders as one JSON object with sorted keys.
-- recipient comes from the ID registry (member) only, never from an application.
CREATE TABLE notice (
    notice_id      VARCHAR(48)   PRIMARY KEY,
    run_date       DATE          NOT NULL,
    claim_no       CHAR(10)      NOT NULL,
    kind           VARCHAR(30)   NOT NULL,
    kind_rank      INT           NOT NULL,
    n              INT           NOT NULL,
    application_id VARCHAR(20)   NOT NULL,
    member_id      VARCHAR(20)   NOT NULL,
    delivery       VARCHAR(6)    NOT NULL,
    recipient      VARCHAR(1100) NOT NULL,
    template       VARCHAR(40)   NOT NULL,
    fields         VARCHAR(4000) NOT NULL,
    CONSTRAINT notice_delivery_kind CHECK (delivery IN ('EMAIL', 'LETTER'))
);
-- The night's notices in file order, read page by page along this index.
CREATE INDEX notice_night ON notice (run_date, claim_no, kind_rank, n);
-- A claim's notices: the support page, and the count n continues from.
CREATE INDEX notice_claim ON notice (claim_no);

-- The outbox of `notices send`: one row per EMAIL notice handed to the SMTP server (or tried).
-- SENDING is written before the message goes out; a crash leaves it so, and the next run sends
-- that one again with the same Message-ID. SENT and FAILED carry the server's reply.
CREATE TABLE notice_outbox (
    notice_id      VARCHAR(48)   PRIMARY KEY,
    state          VARCHAR(8)    NOT NULL,
    attempts       INT           NOT NULL,
    next_attempt   TIMESTAMP WITH TIME ZONE,
    reply          VARCHAR(1000),
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT notice_outbox_state CHECK (state IN ('SENDING', 'SENT', 'RETRY', 'FAILED'))
);
