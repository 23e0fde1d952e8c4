-- Issue 20: a partitioned night decides in two passes. The partitioned pass writes here what
-- the rules that read only the registry say about each undecided application (member match,
-- wallet, bank account, holder name, the review flags but SHARED_BANK_ACCOUNT); the single
-- ordered pass adds the rules that cross applications (duplicates, shared accounts, claim
-- numbers) and deletes the row with the same transaction that records the claim.
CREATE TABLE application_assessment (
    application_id   VARCHAR(20) PRIMARY KEY,
    assessed_on      DATE NOT NULL,
    rejection        VARCHAR(40),
    member_id        VARCHAR(20),
    wallet_id        VARCHAR(40),
    amount_yen       BIGINT NOT NULL,
    account_rejection VARCHAR(40),
    bank_code        VARCHAR(4),
    branch_code      VARCHAR(3),
    account_type     VARCHAR(1),
    account_number   VARCHAR(7),
    holder_name      VARCHAR(200),
    flags            VARCHAR(200) NOT NULL
);
