-- A user may move a transaction's application_date (POST /users/{u}/transactions/{t}, docs/data.md),
-- and a later sync must neither undo it nor lose what the bank says. application_date stays the
-- shown, indexed and filtered column; the bank's own date is kept here only while the user's differs
-- (NULL: the shown date is the bank's), so that adding the column rewrites no existing row and the
-- first sync's COPY writes no more than before (docs/performance.md, P1).
ALTER TABLE bank_transaction ADD COLUMN bank_application_date DATE NULL;
