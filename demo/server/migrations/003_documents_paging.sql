-- The documents list answers a first page of 10,000 documents quickly (issue 13).

-- A document is "covered" while a pending payment includes it. Looking that up per listed document read
-- every payment of the customer (firma@ has 9,800, all paid); pending payments are few.
CREATE INDEX payments_pending ON payments (customer_id, expires_at) WHERE status = 'pending';

-- The status filters other than `paid` select open documents (something remains to pay): keyset order
-- over those alone, instead of walking every document of the customer to find the few open ones.
CREATE INDEX documents_open_issue ON documents (customer_id, issue_date DESC, id DESC) WHERE gross - paid > 0;
CREATE INDEX documents_open_due ON documents (customer_id, due_date, id) WHERE gross - paid > 0;

-- The number of documents matching a filter (`total`) is computed once per version of the customer's
-- documents and remembered by the server; every change to a document moves the version on.
CREATE TABLE document_versions (
  customer_id text PRIMARY KEY,
  version bigint NOT NULL
);

-- Statement-level, so seeding 10,000 documents or reversing a payment moves each customer on once.
CREATE FUNCTION documents_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO document_versions AS v (customer_id, version)
      SELECT DISTINCT customer_id, 1 FROM changed_new
      ON CONFLICT (customer_id) DO UPDATE SET version = v.version + 1;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO document_versions AS v (customer_id, version)
      SELECT customer_id, 1 FROM changed_old UNION SELECT customer_id, 1 FROM changed_new
      ON CONFLICT (customer_id) DO UPDATE SET version = v.version + 1;
  ELSE
    INSERT INTO document_versions AS v (customer_id, version)
      SELECT DISTINCT customer_id, 1 FROM changed_old
      ON CONFLICT (customer_id) DO UPDATE SET version = v.version + 1;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER documents_version_insert AFTER INSERT ON documents
  REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION documents_changed();
CREATE TRIGGER documents_version_update AFTER UPDATE ON documents
  REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION documents_changed();
CREATE TRIGGER documents_version_delete AFTER DELETE ON documents
  REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION documents_changed();

-- Data seeded before this migration never had its statistics gathered (PGlite runs no autovacuum), and
-- the planner then guesses 65 documents per customer.
ANALYZE documents;
ANALYZE payments;
