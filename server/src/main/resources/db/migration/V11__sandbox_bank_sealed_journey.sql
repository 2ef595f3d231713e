-- The sandbox bank keeps what it knows of a customer's journey (bank login, scenario, redirect URI,
-- the client's state) sealed with the at-rest key, in one column, instead of in plain columns.
-- Authorizations live minutes (consent screen 10 min, code 2 min): those in flight at the upgrade
-- are dropped, and their customers start again from their application.
DELETE FROM sandbox_bank_authorization;
ALTER TABLE sandbox_bank_authorization DROP COLUMN redirect_uri;
ALTER TABLE sandbox_bank_authorization DROP COLUMN client_state;
ALTER TABLE sandbox_bank_authorization DROP COLUMN psu_login;
ALTER TABLE sandbox_bank_authorization DROP COLUMN scenario;
ALTER TABLE sandbox_bank_authorization ADD COLUMN journey VARCHAR(8000) NOT NULL;
