/**
 * Pieces shared by ORION's store implementations (in-memory and JDBC) so they behave identically:
 * API-key text format and hashing, token-bucket arithmetic, keyset cursors and id generation.
 * Not meant for application code.
 */
package dev.orion.store.support;
