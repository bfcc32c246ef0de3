-- Idempotency keys of jobs: at most one job per tenant and key. Jobs without a key keep NULL, which
-- a unique index admits any number of times (on H2 and PostgreSQL alike), so no partial index is
-- needed (H2 has none). JobStore.createIfAbsent inserts with ON CONFLICT DO NOTHING and reads the
-- winner back when the index rejects its row.
ALTER TABLE jobs ADD COLUMN idempotency_key VARCHAR(200);
CREATE UNIQUE INDEX jobs_idempotency ON jobs (tenant_id, idempotency_key);
