-- PostgreSQL only: row-level security on the vector collections (common V44), as on every other ORION table (V1_1).
ALTER TABLE vector_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE vector_entries FORCE ROW LEVEL SECURITY;
CREATE POLICY vector_entries_tenant ON vector_entries USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
