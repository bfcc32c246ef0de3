/**
 * Tenant resolution for servlet web applications ({@link dev.orion.spring.web.OrionWebAutoConfiguration}):
 * each request under {@code orion.web.base-path} presents an ORION API key, and its handlers get the
 * key's tenant-bound {@code OrionTenant} ({@link dev.orion.spring.web.TenantRequests}).
 */
package dev.orion.spring.web;
