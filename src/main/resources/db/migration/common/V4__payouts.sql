-- Payouts: a SCHEDULED claim has its payout date (value date of the transfer, or issue
-- date of the certificate), its reference (bank file name or certificate number) and
-- the night that emitted it. A certificate is valid until valid_until.
ALTER TABLE claim ADD COLUMN certificate_no VARCHAR(12);
ALTER TABLE claim ADD COLUMN valid_until DATE;
CREATE UNIQUE INDEX claim_certificate ON claim (certificate_no);
CREATE INDEX claim_payout ON claim (payout_method, payout_date);
CREATE INDEX claim_emitted ON claim (emitted_on, payout_method);
CREATE INDEX claim_wallet ON claim (wallet_id);
