-- Tenant workflow templates (WorkflowTemplateStore): every saved version is an immutable row; the latest version of a
-- name is the one with the highest version. Runs of a template are recorded once per run id for usage analytics.
CREATE TABLE workflow_templates (
    tenant_id    VARCHAR(63)  NOT NULL,
    name         VARCHAR(100) NOT NULL,
    version      INTEGER      NOT NULL,
    content      TEXT         NOT NULL,
    content_hash VARCHAR(64)  NOT NULL,
    description  TEXT         NOT NULL,
    tags_json    TEXT         NOT NULL,
    created_by   VARCHAR(300) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, name, version)
);
CREATE INDEX workflow_templates_hash ON workflow_templates (tenant_id, content_hash);

CREATE TABLE workflow_template_runs (
    tenant_id   VARCHAR(63)  NOT NULL,
    run_id      VARCHAR(200) NOT NULL,
    name        VARCHAR(100) NOT NULL,
    version     INTEGER      NOT NULL,
    succeeded   BOOLEAN      NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, run_id)
);
CREATE INDEX workflow_template_runs_name ON workflow_template_runs (tenant_id, name);
