-- PostgreSQL only: row-level security on workflow templates and their runs (common V43), as on every other ORION
-- table (V1_1).
ALTER TABLE workflow_templates ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflow_templates FORCE ROW LEVEL SECURITY;
CREATE POLICY workflow_templates_tenant ON workflow_templates USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
ALTER TABLE workflow_template_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE workflow_template_runs FORCE ROW LEVEL SECURITY;
CREATE POLICY workflow_template_runs_tenant ON workflow_template_runs USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
