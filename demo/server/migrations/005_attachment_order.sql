-- A message's attachments come back in the order the customer added them (issue 16): ids are random, so
-- ordering by id shuffled a complaint's "invoice, then the photo of the meter".
ALTER TABLE ticket_attachments ADD COLUMN position integer NOT NULL DEFAULT 0;
