-- A notice's placeholders as JSON: room for its worst encoded form. Names and addresses are
-- printable since issue 38, but a book ingested before may hold control characters, which
-- JSON-escape six-fold (\u0007): a 1,000-character address alone then needs 6,000.
ALTER TABLE notice ALTER COLUMN fields SET DATA TYPE VARCHAR(16000);
