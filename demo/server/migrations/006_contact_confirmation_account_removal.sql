-- "My data" (issue 17). A new phone number is confirmed by a one-time code sent by SMS to that number
-- before it replaces `users.phone` (SMS notifications and SMS sign-in codes rely on a confirmed number);
-- an account removal is a request the utility handles, recorded here; a business shows its REGON.
ALTER TABLE users ADD COLUMN pending_phone text;
ALTER TABLE customers ADD COLUMN regon text;

CREATE TABLE phone_changes (
  user_id text PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  phone text NOT NULL,
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  resend_available_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  resends integer NOT NULL DEFAULT 0,
  spent_at timestamptz
);

CREATE TABLE account_removal_requests (
  id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers (id),
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('submitted', 'in_progress', 'completed', 'rejected')),
  reason text,
  submitted_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
-- One open request per customer: a second one answers 409 (a race too, through this index).
CREATE UNIQUE INDEX account_removal_open ON account_removal_requests (customer_id) WHERE status IN ('submitted', 'in_progress');
