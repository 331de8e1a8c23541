-- A contract's renewals (each moves its planned end later; the history is in the audit trail and ContractRenewed) and
-- the holder's training, which runs before and during the post and only moves forward.
ALTER TABLE contract
    ADD COLUMN renewals        INTEGER     NOT NULL DEFAULT 0 CHECK (renewals >= 0),
    ADD COLUMN training_status VARCHAR(11) NOT NULL DEFAULT 'NOT_STARTED'
        CHECK (training_status IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED'));
