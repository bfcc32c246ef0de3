-- Persistent cache of answers from external services (ResponseCacheStore), e.g. the Materials Project
-- client's pages: a new client instance answers a repeated query from here. Keys are chosen by the
-- caller (a namespace and a hash of the request URL); rows at or past expires_at are not served and
-- are removed by purgeExpired.
CREATE TABLE response_cache (
    tenant_id  VARCHAR(63)  NOT NULL,
    cache_key  VARCHAR(200) NOT NULL,
    body       TEXT         NOT NULL,
    stored_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant_id, cache_key)
);
