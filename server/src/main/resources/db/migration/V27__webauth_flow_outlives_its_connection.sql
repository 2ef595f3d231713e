-- A web authentication's trip outlives its connection: a connection deleted while its user was at
-- the institution leaves the trip with id_connection NULL, so that the return is told apart from a
-- forged one and sent back to the integrator as such (docs/webauth.md). The trip still goes with its
-- user, and with the other expired trips a day after it expires.
-- The foreign key's name differs between databases, so the column is replaced rather than altered:
-- dropping it drops its key and its index on both.
ALTER TABLE webauth_flow ADD COLUMN connection_left BIGINT NULL REFERENCES connection (id) ON DELETE SET NULL;
UPDATE webauth_flow SET connection_left = id_connection;
ALTER TABLE webauth_flow DROP COLUMN id_connection;
ALTER TABLE webauth_flow RENAME COLUMN connection_left TO id_connection;
DROP INDEX IF EXISTS webauth_flow_connection;
CREATE INDEX webauth_flow_connection ON webauth_flow (id_connection);
