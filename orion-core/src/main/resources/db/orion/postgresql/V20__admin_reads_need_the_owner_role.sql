-- PostgreSQL only. Cross-tenant reads of the admin view used to need only app.admin = 'on', a setting
-- that any role can set with set_config(). They now also need the role that owns the table (the
-- migration role, or a role that is a member of it): the runtime role, which must not own the tables,
-- cannot pass these policies whatever it sets. See docs/persistence.md, "Database roles".

DROP POLICY usage_records_admin_read ON usage_records;
CREATE POLICY usage_records_admin_read ON usage_records FOR SELECT
    USING (current_setting('app.admin', true) = 'on'
           AND pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'usage_records'::regclass), 'MEMBER'));

DROP POLICY audit_events_admin_read ON audit_events;
CREATE POLICY audit_events_admin_read ON audit_events FOR SELECT
    USING (current_setting('app.admin', true) = 'on'
           AND pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'audit_events'::regclass), 'MEMBER'));
