-- PostgreSQL only: row-level security on the model registry (common V40), as on every other ORION
-- table (V1_1).
ALTER TABLE surrogate_models ENABLE ROW LEVEL SECURITY;
ALTER TABLE surrogate_models FORCE ROW LEVEL SECURITY;
CREATE POLICY surrogate_models_tenant ON surrogate_models USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
