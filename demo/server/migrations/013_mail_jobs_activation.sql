-- A new activation link is asked for without signing in too: queued like a reset (mail-jobs.ts), so how long the
-- answer takes cannot tell a pending account from an unknown identifier.
ALTER TABLE mail_jobs DROP CONSTRAINT mail_jobs_kind_check;
ALTER TABLE mail_jobs ADD CONSTRAINT mail_jobs_kind_check CHECK (kind IN ('reset', 'reminder', 'activation'));
