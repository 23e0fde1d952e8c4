-- Issue 38: every rejected redemption is an alert, whatever the reason: a row refused for its
-- shape (a wrong column count, a bare CR that merged it with its neighbour, a malformed cell) has
-- no cells to trust, so the alert keeps the raw line and the cells are null when they are not
-- there or do not fit.
ALTER TABLE redemption_alert ALTER COLUMN redemption_id DROP NOT NULL;
ALTER TABLE redemption_alert ALTER COLUMN certificate_no DROP NOT NULL;
ALTER TABLE redemption_alert ALTER COLUMN redeemed_at DROP NOT NULL;
ALTER TABLE redemption_alert ALTER COLUMN office_code DROP NOT NULL;
ALTER TABLE redemption_alert ALTER COLUMN amount_yen DROP NOT NULL;
ALTER TABLE redemption_alert ADD COLUMN raw_line VARCHAR(100200);
