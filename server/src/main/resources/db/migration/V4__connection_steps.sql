-- Connection steps: fields asked per source (the connection shows those of the source that
-- determines its state), and a lease so that one step at a time runs on a connection, whichever
-- server instance takes it (409 connectionLocked otherwise).
ALTER TABLE connection_source ADD COLUMN fields VARCHAR NULL;
ALTER TABLE connection ADD COLUMN busy_until TIMESTAMP WITH TIME ZONE NULL;
