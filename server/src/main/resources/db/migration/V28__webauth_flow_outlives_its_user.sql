-- A web authentication's trip outlives its user as V27 made it outlive its connection: a user deleted
-- while at the institution leaves the trip with id_user NULL (and id_connection NULL, its connections
-- having gone first), so that the return is sent back to the integrator's checked redirect_uri as
-- notFound rather than shown the page of a forged return (docs/webauth.md). What stays is the
-- integrator's own (its client, redirect_uri and state), none of the user's data, until the purge of
-- expired trips a day after it expires.
ALTER TABLE webauth_flow ADD COLUMN user_left BIGINT NULL REFERENCES app_user (id) ON DELETE SET NULL;
UPDATE webauth_flow SET user_left = id_user;
ALTER TABLE webauth_flow DROP COLUMN id_user;
ALTER TABLE webauth_flow RENAME COLUMN user_left TO id_user;
CREATE INDEX webauth_flow_user ON webauth_flow (id_user);
