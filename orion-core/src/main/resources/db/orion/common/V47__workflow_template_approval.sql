-- Drafts written by a model wait for a person's approval (WorkflowTemplateStore.saveDraft, approve, reject). Versions
-- stored before were saved by people and the shipped library: they are approved.
ALTER TABLE workflow_templates ADD COLUMN state VARCHAR(20) DEFAULT 'APPROVED' NOT NULL;
ALTER TABLE workflow_templates ADD COLUMN reviewed_by VARCHAR(300);
ALTER TABLE workflow_templates ADD COLUMN reviewed_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX workflow_templates_state ON workflow_templates (tenant_id, state);
