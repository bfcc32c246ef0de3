/**
 * ORION's own JSON document for structures and molecules ({@link dev.orion.io.json.StructureJson}):
 * a lossless, versioned representation used for storage and exchange.
 */
package dev.orion.io.json;
