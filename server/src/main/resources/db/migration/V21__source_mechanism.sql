-- How each connection source was added: with credentials the user typed, or on the institution's
-- pages (webauth). Connectors are told; rows older than this column are inferred from the stored
-- credentials (docs/connectors.md).
ALTER TABLE connection_source ADD COLUMN auth_mechanism VARCHAR(20) NULL;
