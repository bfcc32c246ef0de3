/**
 * Pieces shared by ORION's store implementations (in-memory and JDBC) so they behave identically:
 * API-key text format, hashing and checks, token-bucket arithmetic, keyset cursors, id generation,
 * argument checks, the edits of a stored structure and the space group recorded when one is saved.
 * Not part of ORION's API: public only because both store packages use it; it may change without notice.
 */
package dev.orion.store.internal;
