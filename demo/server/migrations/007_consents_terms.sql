-- Marketing consents each separately (by e-mail, by phone/SMS, profiling), with the moment each was given or
-- withdrawn; the terms a customer must accept at the next login once the utility publishes a new version.

CREATE TABLE marketing_consents (
  customer_id text NOT NULL REFERENCES customers (id),
  consent text NOT NULL,
  given boolean NOT NULL,
  changed_at timestamptz NOT NULL,
  PRIMARY KEY (customer_id, consent)
);

-- The one marketing consent of before stood for offers by e-mail and by phone.
INSERT INTO marketing_consents (customer_id, consent, given, changed_at)
SELECT c.id, k.consent, true, c.consents_updated_at FROM customers c CROSS JOIN (VALUES ('email'), ('phone')) AS k (consent) WHERE c.marketing;
ALTER TABLE customers DROP COLUMN marketing;

-- A password (and code) were right but the terms are new: no session until they are accepted (single use).
CREATE TABLE terms_challenges (
  id_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  version text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  spent_at timestamptz
);
