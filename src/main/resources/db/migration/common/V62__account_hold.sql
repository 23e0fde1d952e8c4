-- No unlimited guessing (issue 36): once a user's lockouts of the day are used up, further
-- password failures hold the account from held_since until an administrator releases it
-- (`user NAME --unlock`, a password reset, --enable) or the user gives a recovery code with
-- the password; a browser known for the user is not held.
ALTER TABLE staff_user ADD COLUMN held_since TIMESTAMP WITH TIME ZONE;
