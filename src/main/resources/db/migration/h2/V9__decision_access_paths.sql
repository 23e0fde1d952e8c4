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
    GENERATED ALWAYS AS (LOWER(REGEXP_REPLACE(email, '^\p{javaWhitespace}+|\p{javaWhitespace}+$', '')));
ALTER TABLE application ADD COLUMN email_key VARCHAR(320)
    GENERATED ALWAYS AS (LOWER(REGEXP_REPLACE(email, '^\p{javaWhitespace}+|\p{javaWhitespace}+$', '')));
CREATE INDEX member_email_key ON member (email_key);
CREATE INDEX application_email_key ON application (email_key);

-- Nothing looks members up by birth date alone any more; one index less for every member row.
DROP INDEX member_birth_date;
