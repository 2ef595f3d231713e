-- Consecutive transient failures (rateLimiting, websiteUnavailable, bug) of a source: the retry
-- backoff doubles with each; a success or a step the user asked for resets it.
ALTER TABLE connection_source ADD COLUMN transient_failures INTEGER NOT NULL DEFAULT 0;
