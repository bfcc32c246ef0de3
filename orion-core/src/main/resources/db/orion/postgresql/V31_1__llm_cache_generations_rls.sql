-- PostgreSQL only: row-level security on the LLM cache's invalidation counters (common V31), as on
-- every other ORION table (V1_1).
ALTER TABLE llm_cache_generations ENABLE ROW LEVEL SECURITY;
ALTER TABLE llm_cache_generations FORCE ROW LEVEL SECURITY;
CREATE POLICY llm_cache_generations_tenant ON llm_cache_generations USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
