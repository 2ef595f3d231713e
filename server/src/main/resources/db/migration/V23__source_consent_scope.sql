-- The accounts the consent an institution granted on a source covers (Berlin Group's dedicated
-- consent), as a JSON array of the accounts' external ids; NULL when it said nothing (every account).
-- Data calls are made only on the accounts it covers (docs/connections.md, Consent).
ALTER TABLE connection_source ADD COLUMN consent_scope TEXT NULL;
