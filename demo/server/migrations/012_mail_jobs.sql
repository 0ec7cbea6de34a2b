-- E-mails a visitor asks for without signing in (password reset, login reminder): the request records the ask
-- here, the same for any identifier, and a worker looks the account up and sends after the answer
-- (mail-jobs.ts). A row outlives a crash after the 202: the next start, or another process, sends it.
CREATE TABLE mail_jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('reset', 'reminder')),
  identifier text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  last_error text
);
