-- PostgreSQL only: row-level security on check verdicts (common V41), as on every other ORION table (V1_1).
ALTER TABLE check_verdicts ENABLE ROW LEVEL SECURITY;
ALTER TABLE check_verdicts FORCE ROW LEVEL SECURITY;
CREATE POLICY check_verdicts_tenant ON check_verdicts USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
