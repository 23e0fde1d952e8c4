-- The reconciliation each night checked before writing any file. Nothing changes the book
-- between that check and the night's publication (the bank file and the certificates only
-- read it), so the night's report and workbook show these lines instead of walking 1.5 M
-- wallets and 1.2 M claims twice more; verify compares the report with them.
CREATE TABLE night_reconciliation (
    run_date   DATE        NOT NULL,
    line_no    INT         NOT NULL,
    bucket     VARCHAR(32) NOT NULL,
    wallets    BIGINT      NOT NULL,
    amount_yen BIGINT      NOT NULL,
    PRIMARY KEY (run_date, line_no)
);
