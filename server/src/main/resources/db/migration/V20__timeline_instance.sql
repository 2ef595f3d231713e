-- Which server instance ran each step of the support timeline (docs/operations.md "Several instances").
ALTER TABLE connection_event ADD COLUMN instance VARCHAR(200) NULL;
