-- PostgreSQL only: row-level security on the element rows of structures (common V3), as on every
-- other ORION table (V1_1). Numbered after the Java backfill 3.1, which writes these rows for all
-- tenants at once.
ALTER TABLE structure_elements ENABLE ROW LEVEL SECURITY;
ALTER TABLE structure_elements FORCE ROW LEVEL SECURITY;
CREATE POLICY structure_elements_tenant ON structure_elements USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
