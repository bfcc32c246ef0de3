-- Invalidation counters of each tenant's LLM cache (LlmCacheStore.generations()): router instances
-- compare them with the counters they saw when they kept an answer in memory, so an invalidation made
-- through one instance reaches every instance's memory layer. One row per tenant and profile; the row
-- with profile '' counts invalidations of the whole tenant (profiles are 1-200 non-blank characters,
-- so '' names none). Rows appear at a scope's first invalidation and only ever count up.
CREATE TABLE llm_cache_generations (
    tenant_id  VARCHAR(63)  NOT NULL,
    profile    VARCHAR(200) NOT NULL,
    generation BIGINT       NOT NULL,
    PRIMARY KEY (tenant_id, profile)
);
