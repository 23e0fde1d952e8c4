-- The decisions look up claims on the same account by account number first.
CREATE INDEX claim_account_number ON claim (account_number);
