-- Sandbox mode: how far each user's clock was moved ahead of the server's (POST /users/{id}/test/clock).
-- A user who never moved it has no row. Empty outside sandbox mode.
CREATE TABLE sandbox_user_clock (
    id_user        BIGINT NOT NULL PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    offset_seconds BIGINT NOT NULL
);
