-- Issue 37: a redemption alert goes back to Japan Post Bank, which searches for its own row, so
-- every cell is kept as received (2020-05-15T15:00:00+00:00 stays so, not ...Z; an amount 0100
-- stays 0100). Room for any timestamp ISO-8601 parses (a nine-digit year, nanoseconds, an offset
-- with seconds) and the 15 digits an amount may have.
ALTER TABLE redemption_alert ALTER COLUMN redeemed_at SET DATA TYPE VARCHAR(64);
ALTER TABLE redemption_alert ALTER COLUMN amount_yen SET DATA TYPE VARCHAR(15);
