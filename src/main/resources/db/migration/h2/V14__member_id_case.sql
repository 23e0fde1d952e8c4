-- Issue 21. Member ids are compared exactly, and no two may differ only in letter case:
-- ingest looks a new id up by its upper-case form (NoMemberIdCaseTwins).
ALTER TABLE member ADD COLUMN member_key VARCHAR(20) GENERATED ALWAYS AS (UPPER(member_id));
CREATE INDEX member_by_key ON member (member_key);
