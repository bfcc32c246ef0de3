/**
 * Tenancy vocabulary: who owns data ({@link dev.orion.tenant.TenantId}, {@link dev.orion.tenant.ProjectId}),
 * who acts on it ({@link dev.orion.tenant.Principal}) and how machines authenticate
 * ({@link dev.orion.tenant.ApiKey}, metadata only; secrets never appear in these types).
 */
package dev.orion.tenant;
