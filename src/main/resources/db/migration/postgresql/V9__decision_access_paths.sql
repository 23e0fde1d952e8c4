-- PostgreSQL twin of h2/V9. \p{javaWhitespace} spelled out: the characters of Java's
-- Character.isWhitespace (String.strip), so the key is the Java comparison form on both databases.
-- Access paths of the decisions at full scale (1.5 M members, 1.2 M applications).

-- Undecided applications are read oldest submission first: with this index H2 walks them in
-- order instead of sorting a million rows (and spilling them to disk) first.
CREATE INDEX application_submitted ON application (submitted_at, application_id);

-- Web applicants are found by phone or e-mail key, then matched on birth date and kana name
-- (WebIdentityMatch). The e-mail key must be exactly the Java comparison form: trimmed of
-- every Unicode white space (String.strip) and lower case; SQL TRIM removes only spaces.
DROP INDEX member_email_key;
DROP INDEX application_email_key;
ALTER TABLE member DROP COLUMN email_key;
ALTER TABLE application DROP COLUMN email_key;
ALTER TABLE member ADD COLUMN email_key VARCHAR(320)
    GENERATED ALWAYS AS (LOWER(REGEXP_REPLACE(email, '^[\u0009-\u000D\u001C-\u0020\u1680\u2000-\u2006\u2008-\u200A\u2028\u2029\u205F\u3000]+|[\u0009-\u000D\u001C-\u0020\u1680\u2000-\u2006\u2008-\u200A\u2028\u2029\u205F\u3000]+$', '', 'g'))) STORED;
ALTER TABLE application ADD COLUMN email_key VARCHAR(320)
    GENERATED ALWAYS AS (LOWER(REGEXP_REPLACE(email, '^[\u0009-\u000D\u001C-\u0020\u1680\u2000-\u2006\u2008-\u200A\u2028\u2029\u205F\u3000]+|[\u0009-\u000D\u001C-\u0020\u1680\u2000-\u2006\u2008-\u200A\u2028\u2029\u205F\u3000]+$', '', 'g'))) STORED;
CREATE INDEX member_email_key ON member (email_key);
CREATE INDEX application_email_key ON application (email_key);

-- Nothing looks members up by birth date alone any more; one index less for every member row.
DROP INDEX member_birth_date;
