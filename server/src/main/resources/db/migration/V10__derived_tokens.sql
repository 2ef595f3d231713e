-- Codes and webview sessions remember the token they were derived from (docs/auth.md "Derived
-- tokens"): revoking that token deletes them too, down the whole chain, and none outlives it.
ALTER TABLE auth_token ADD COLUMN origin_token_id BIGINT NULL REFERENCES auth_token (id) ON DELETE CASCADE;
CREATE INDEX auth_token_origin ON auth_token (origin_token_id);
