-- Confirmation by the applicant (SPEC section 9): a claim awaiting confirmation must be
-- confirmed by the end of confirm_by (JST); set by ClaimLifecycle only.
ALTER TABLE claim ADD COLUMN confirm_by DATE;
