-- What a point's page and a contract's page show (seed 004 "Punkty poboru", "Umowy"): the contracted power, who
-- reads the meter and how often, the distribution operator; and the documents of each contract (the contract,
-- its annexes, the terms and the price list), whose PDFs the server makes when they are asked for.

ALTER TABLE points ADD COLUMN contracted_power text CHECK (contracted_power ~ '^[0-9]+(\.[0-9]+)?$');
-- NULL until filled from the personas (a database seeded before this migration is filled at start).
ALTER TABLE points ADD COLUMN reading_mode text CHECK (reading_mode IN ('remote', 'self', 'collector'));
ALTER TABLE points ADD COLUMN reading_cycle_months integer CHECK (reading_cycle_months BETWEEN 1 AND 12);
ALTER TABLE points ADD COLUMN distributor text;

CREATE TABLE contract_documents (
  id text PRIMARY KEY,
  contract_id text NOT NULL REFERENCES contracts (id),
  position integer NOT NULL,
  title text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('contract', 'annex', 'price_list', 'terms', 'other')),
  signed_date date
);
CREATE INDEX contract_documents_contract ON contract_documents (contract_id, position);
