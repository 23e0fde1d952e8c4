-- Every index is rewritten on each chunk commit: drop the two that others already cover.
DROP INDEX claim_member;   -- claim_member_id (member_id, claim_no) covers it
DROP INDEX claim_account;  -- the decisions look accounts up by claim_account_number
