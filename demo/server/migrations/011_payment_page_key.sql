-- The sandbox payment page of a payment opens only with the key in the address the API gave its customer
-- (redirectUrl): a payment id alone shows nobody the amount, nor lets anybody pay or cancel it.
ALTER TABLE payments ADD COLUMN page_key text;
