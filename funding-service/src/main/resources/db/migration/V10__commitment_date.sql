-- When a line was committed, for the execution report per period: its decision date when stated, else the day it was
-- committed (for lines committed before this column existed: the day they were created).
ALTER TABLE funding_line ADD COLUMN committed_on DATE;
UPDATE funding_line SET committed_on = coalesce(decision_date, (created_at AT TIME ZONE 'Europe/Paris')::date)
WHERE status IN ('COMMITTED', 'PARTLY_PAID', 'PAID', 'CLOSED');
CREATE INDEX payment_paid_on ON payment (paid_on);
