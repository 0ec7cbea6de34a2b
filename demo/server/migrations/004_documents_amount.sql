-- The documents list sorts by amount (issue 13): keyset order over `gross`, ties by issue date newest first
-- and then id descending (the contract), one index per direction, so a page of firma@'s 10,000 documents is
-- an index range scan from the cursor on, never a sort of every document. Descending amount reads its index
-- forwards; ascending amount cannot read that one backwards (its ties would come oldest first), so it has its
-- own.
CREATE INDEX documents_amount_desc ON documents (customer_id, gross DESC, issue_date DESC, id DESC);
CREATE INDEX documents_amount_asc ON documents (customer_id, gross, issue_date DESC, id DESC);

ANALYZE documents;
