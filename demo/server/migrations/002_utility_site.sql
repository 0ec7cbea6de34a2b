-- Where each utility's website has the pages its e-mails link to (reset, activation, login, portal): every link of
-- every e-mail is built from it. Filled by the seed; a database seeded before this column existed gets it from
-- the demo utilities at start (seed.ts, fillUtilitySites).
ALTER TABLE utilities ADD COLUMN site jsonb;
