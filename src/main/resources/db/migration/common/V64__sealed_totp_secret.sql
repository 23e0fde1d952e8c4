-- TOTP keys are stored sealed (issue 36): v1: + base64 of IV, AES-GCM ciphertext and tag.
ALTER TABLE staff_user ALTER COLUMN totp_secret SET DATA TYPE VARCHAR(200);
