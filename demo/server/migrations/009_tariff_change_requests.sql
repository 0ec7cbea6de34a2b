-- Tariff change requests (seed 000: "wniosek o zmianę taryfy – z G11 na G12"): filed by the customer, decided by
-- the utility. `effective` is not stored: an accepted request whose effective_from has come is effective, and the
-- point's tariff follows it then (applied_at).
CREATE TABLE tariff_change_requests (
  id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers (id),
  point_id text NOT NULL REFERENCES points (id),
  from_tariff text NOT NULL,
  to_tariff text NOT NULL,
  status text NOT NULL CHECK (status IN ('submitted', 'accepted', 'rejected')),
  submitted_at timestamptz NOT NULL,
  decided_at timestamptz,
  effective_from date,
  decision_reason text,
  applied_at timestamptz,
  CHECK (status <> 'accepted' OR effective_from IS NOT NULL)
);
-- One pending request per point: a second one is a conflict even when two arrive at once.
CREATE UNIQUE INDEX tariff_change_requests_one_pending ON tariff_change_requests (point_id) WHERE status = 'submitted';
CREATE INDEX tariff_change_requests_customer ON tariff_change_requests (customer_id, submitted_at DESC);

-- Notification preferences gained collection notices, account security (e-mail always on) and the due date
-- reminder's days: stored matrices from before read as the new defaults.
UPDATE customers SET notification_prefs = jsonb_build_object(
  'email', jsonb_build_object('collection', true) || COALESCE(notification_prefs -> 'email', '{}'::jsonb) || jsonb_build_object('security', true),
  'sms', jsonb_build_object('collection', COALESCE((notification_prefs -> 'sms' ->> 'due_date')::boolean, false), 'security', false) || COALESCE(notification_prefs -> 'sms', '{}'::jsonb),
  'dueDateReminderDays', COALESCE(notification_prefs -> 'dueDateReminderDays', '3'::jsonb)
)
WHERE NOT (notification_prefs ? 'dueDateReminderDays');
