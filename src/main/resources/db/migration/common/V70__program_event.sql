-- Issue 38: a closed program refuses new nights until an operator reopens it. Each close-out and
-- each reopening is a row here, in order (event_no), so verify --program and the auditor see who
-- reopened the program, when and why; the latest row says whether the program is closed now.
CREATE TABLE program_event (
    event_no       INT           NOT NULL PRIMARY KEY,
    kind           VARCHAR(16)   NOT NULL,
    close_out_date DATE          NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by    VARCHAR(100)  NOT NULL,
    reason         VARCHAR(1000),
    CONSTRAINT program_event_kind CHECK (kind IN ('CLOSED_OUT', 'REOPENED'))
);
