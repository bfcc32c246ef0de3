-- PostgreSQL only: row-level security on the response cache (common V45), as on every other ORION table (V1_1).
ALTER TABLE response_cache ENABLE ROW LEVEL SECURITY;
ALTER TABLE response_cache FORCE ROW LEVEL SECURITY;
CREATE POLICY response_cache_tenant ON response_cache USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
