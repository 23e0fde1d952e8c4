-- Full-scale nights (1.5 M members): every index costs each inserted row a B-tree insert and,
-- in H2, a second walk at commit. These four serve no query: ingested_on is only read when a
-- broken feed's rows are removed (a rare full scan), and no query finds applications by member.
DROP INDEX member_ingested_on;
DROP INDEX wallet_ingested_on;
DROP INDEX application_ingested_on;
DROP INDEX application_member;
