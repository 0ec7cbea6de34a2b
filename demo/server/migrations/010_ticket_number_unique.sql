-- A ticket's case number ("ZG/2026/002001") is how the customer and the consultant name it: one per ticket.
CREATE UNIQUE INDEX tickets_number ON tickets (number);
