-- The reference server's schema. Portable PostgreSQL only (runs on PGlite and on a real server).

CREATE TABLE meta (
  key text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE utilities (
  id text PRIMARY KEY,
  kind text NOT NULL,
  name text NOT NULL,
  config jsonb NOT NULL
);

CREATE TABLE customers (
  id text PRIMARY KEY,
  utility_id text NOT NULL REFERENCES utilities (id),
  number text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('person', 'business')),
  first_name text,
  last_name text,
  company_name text,
  national_id_type text NOT NULL CHECK (national_id_type IN ('pesel', 'nip')),
  national_id text NOT NULL,
  contract_email text,
  address jsonb NOT NULL,
  e_invoice boolean NOT NULL DEFAULT false,
  marketing boolean NOT NULL DEFAULT false,
  terms_version text,
  terms_accepted_at timestamptz,
  consents_updated_at timestamptz NOT NULL DEFAULT now(),
  notification_prefs jsonb NOT NULL
);
CREATE INDEX customers_national_id ON customers (national_id);

CREATE TABLE consent_changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers (id),
  consent text NOT NULL,
  value boolean NOT NULL,
  channel text NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id text PRIMARY KEY,
  customer_id text NOT NULL UNIQUE REFERENCES customers (id),
  email text NOT NULL,
  email_lower text NOT NULL UNIQUE,
  pending_email text,
  phone text,
  password_hash text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'active')),
  mfa_channel text CHECK (mfa_channel IN ('sms', 'email')),
  must_change_password boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  idle_expires_at timestamptz NOT NULL,
  absolute_expires_at timestamptz NOT NULL,
  idle_timeout_seconds integer NOT NULL,
  absolute_timeout_seconds integer NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE auth_tokens (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('reset', 'activation', 'change', 'email_change')),
  data jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  invalidated_at timestamptz
);
CREATE INDEX auth_tokens_user ON auth_tokens (user_id, purpose);

CREATE TABLE mfa_challenges (
  id_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  channel text NOT NULL,
  masked_destination text NOT NULL,
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  resend_available_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  resends integer NOT NULL DEFAULT 0,
  spent_at timestamptz
);

CREATE TABLE throttles (
  key text PRIMARY KEY,
  count integer NOT NULL,
  window_start timestamptz NOT NULL,
  blocked_until timestamptz
);

CREATE TABLE idempotency_keys (
  scope text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  state text NOT NULL CHECK (state IN ('running', 'done')),
  status integer,
  headers jsonb,
  body text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);

CREATE TABLE outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient text NOT NULL,
  subject text,
  body text NOT NULL,
  links text[] NOT NULL DEFAULT '{}',
  code text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_recipient ON outbox (lower(recipient), id DESC);

CREATE TABLE contracts (
  id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers (id),
  number text NOT NULL,
  kind text NOT NULL,
  product text NOT NULL,
  tariff text NOT NULL,
  start_date date NOT NULL,
  end_date date,
  status text NOT NULL CHECK (status IN ('pending', 'active', 'terminated'))
);
CREATE INDEX contracts_customer ON contracts (customer_id);

CREATE TABLE points (
  id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers (id),
  contract_id text REFERENCES contracts (id),
  kind text NOT NULL,
  code text NOT NULL,
  code_type text NOT NULL,
  name text NOT NULL,
  address jsonb NOT NULL,
  tariff text NOT NULL,
  -- Reading windows recur: open `window_length` days every `window_period` days from `window_anchor`.
  window_anchor date NOT NULL,
  window_length integer NOT NULL,
  window_period integer NOT NULL
);
CREATE INDEX points_customer ON points (customer_id, kind, code);
CREATE INDEX points_code ON points (code);

CREATE TABLE meters (
  serial_number text PRIMARY KEY,
  point_id text NOT NULL REFERENCES points (id),
  kind text NOT NULL,
  smart boolean NOT NULL DEFAULT false
);

CREATE TABLE registers (
  id text PRIMARY KEY,
  point_id text NOT NULL REFERENCES points (id),
  meter_serial text NOT NULL REFERENCES meters (serial_number),
  position integer NOT NULL,
  zone text NOT NULL,
  obis_code text,
  unit text NOT NULL,
  direction text NOT NULL,
  conversion_factor double precision,
  digits integer NOT NULL,
  decimals integer NOT NULL,
  daily_usage numeric(12, 3) NOT NULL,
  unit_price numeric(10, 4) NOT NULL
);
CREATE INDEX registers_point ON registers (point_id, position);

CREATE TABLE readings (
  id text PRIMARY KEY,
  point_id text NOT NULL REFERENCES points (id),
  read_at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('settlement', 'control', 'estimated', 'operator')),
  status text NOT NULL CHECK (status IN ('accepted', 'pending_review', 'rejected')),
  by_customer boolean NOT NULL DEFAULT false,
  photo bytea,
  photo_type text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX readings_point ON readings (point_id, read_at DESC, id DESC);

CREATE TABLE reading_values (
  reading_id text NOT NULL REFERENCES readings (id) ON DELETE CASCADE,
  register_id text NOT NULL REFERENCES registers (id),
  value numeric(16, 4) NOT NULL,
  PRIMARY KEY (reading_id, register_id)
);

CREATE TABLE consumption (
  register_id text NOT NULL REFERENCES registers (id),
  point_id text NOT NULL REFERENCES points (id),
  month date NOT NULL,
  value numeric(14, 3) NOT NULL,
  estimated boolean NOT NULL DEFAULT false,
  PRIMARY KEY (register_id, month)
);
CREATE INDEX consumption_point ON consumption (point_id, month);

CREATE TABLE documents (
  id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers (id),
  number text NOT NULL,
  type text NOT NULL CHECK (type IN ('invoice', 'correction', 'interest_note')),
  issue_date date NOT NULL,
  due_date date NOT NULL,
  period_from date,
  period_to date,
  net numeric(14, 2) NOT NULL,
  vat numeric(14, 2) NOT NULL,
  gross numeric(14, 2) NOT NULL,
  paid numeric(14, 2) NOT NULL DEFAULT 0,
  corrects_id text,
  has_pdf boolean NOT NULL DEFAULT true,
  point_ids text[] NOT NULL DEFAULT '{}',
  lines jsonb NOT NULL DEFAULT '[]'
);
-- Keyset pagination: (issue_date, id) and (due_date, id) per customer.
CREATE INDEX documents_issue ON documents (customer_id, issue_date DESC, id DESC);
CREATE INDEX documents_due ON documents (customer_id, due_date, id);
CREATE INDEX documents_open ON documents (customer_id) WHERE gross <> paid;

CREATE TABLE payments (
  id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers (id),
  status text NOT NULL CHECK (status IN ('pending', 'paid', 'declined', 'cancelled', 'expired')),
  amount numeric(14, 2) NOT NULL,
  method text,
  scope text NOT NULL CHECK (scope IN ('balance', 'documents', 'external')),
  document_ids text[] NOT NULL DEFAULT '{}',
  return_url text,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  expires_at timestamptz
);
CREATE INDEX payments_customer ON payments (customer_id, created_at DESC, id DESC);

CREATE TABLE allocations (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  payment_id text NOT NULL REFERENCES payments (id),
  document_id text NOT NULL REFERENCES documents (id),
  amount numeric(14, 2) NOT NULL,
  allocated_on date NOT NULL
);
CREATE INDEX allocations_document ON allocations (document_id);
CREATE INDEX allocations_payment ON allocations (payment_id);

CREATE TABLE tickets (
  id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers (id),
  number text NOT NULL,
  category_id text NOT NULL,
  subject text NOT NULL,
  status text NOT NULL,
  point_id text,
  document_id text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  last_message_author text NOT NULL
);
CREATE INDEX tickets_customer ON tickets (customer_id, updated_at DESC, id DESC);

CREATE TABLE ticket_messages (
  id text PRIMARY KEY,
  ticket_id text NOT NULL REFERENCES tickets (id),
  author text NOT NULL,
  author_name text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX ticket_messages_ticket ON ticket_messages (ticket_id, created_at, id);

CREATE TABLE ticket_attachments (
  id text PRIMARY KEY,
  ticket_id text NOT NULL REFERENCES tickets (id),
  message_id text NOT NULL REFERENCES ticket_messages (id),
  name text NOT NULL,
  size integer NOT NULL,
  content_type text NOT NULL,
  content bytea NOT NULL
);
CREATE INDEX ticket_attachments_message ON ticket_attachments (message_id);

CREATE TABLE messages (
  id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers (id),
  channel text NOT NULL,
  event text NOT NULL,
  subject text,
  body text NOT NULL,
  sent_at timestamptz NOT NULL,
  read_at timestamptz
);
CREATE INDEX messages_customer ON messages (customer_id, sent_at DESC, id DESC);

CREATE TABLE outages (
  id text PRIMARY KEY,
  kind text NOT NULL,
  municipality text NOT NULL,
  locality text,
  postal_codes text[] NOT NULL DEFAULT '{}',
  streets text[] NOT NULL DEFAULT '{}',
  starts_at timestamptz NOT NULL,
  ends_at timestamptz,
  reason jsonb NOT NULL
);
