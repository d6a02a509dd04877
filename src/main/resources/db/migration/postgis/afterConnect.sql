-- Flyway SQL callback, run on each connection Flyway opens: the server sends only warnings and
-- errors, not notices. Migrations raise expected notices (V1's "extension postgis already exists,
-- skipping" on every new schema), which Flyway would log as warnings; real warnings still do.
SET client_min_messages TO warning;
