-- Full scale (1.2 M claims): no night query sorts claims by the million any more. H2 sorts a
-- result of more than MAX_MEMORY_ROWS (about 80,000 rows with -Xmx2g) on disk.

-- Scheduling takes approved claims of one payout method oldest approval first: walking this
-- index in order, H2 stops after the day's capacity instead of sorting 740,000 rows. It
-- replaces the index on status alone (every status query uses its first column).
DROP INDEX claim_status_idx;
CREATE INDEX claim_status_order ON claim (status, payout_method, approved_on, claim_no);

-- The reconciliation sorts live claims by wallet in Java (Reconciliation); nothing else
-- looks claims up by wallet, and this index cost a random B-tree insert per decision.
DROP INDEX claim_wallet;
