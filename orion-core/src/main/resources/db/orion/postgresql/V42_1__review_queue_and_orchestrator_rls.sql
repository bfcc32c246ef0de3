-- PostgreSQL only: row-level security on the review queue and orchestrator tables (common V42), as on
-- every other ORION table (V1_1).
ALTER TABLE review_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE review_items FORCE ROW LEVEL SECURITY;
CREATE POLICY review_items_tenant ON review_items USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

ALTER TABLE orchestrator_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE orchestrator_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY orchestrator_settings_tenant ON orchestrator_settings USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

ALTER TABLE orchestrator_leases ENABLE ROW LEVEL SECURITY;
ALTER TABLE orchestrator_leases FORCE ROW LEVEL SECURITY;
CREATE POLICY orchestrator_leases_tenant ON orchestrator_leases USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

ALTER TABLE orchestrator_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE orchestrator_runs FORCE ROW LEVEL SECURITY;
CREATE POLICY orchestrator_runs_tenant ON orchestrator_runs USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
