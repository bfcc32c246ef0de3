/**
 * Structure similarity search kept in a tenant's store: {@link dev.orion.core.similarity.VectorSimilarityIndex}
 * stores {@link dev.orion.analysis.features.StructureFingerprint}s in a {@link dev.orion.store.VectorIndex}
 * collection and answers {@link dev.orion.features.SimilarityIndex} queries from it.
 */
package dev.orion.core.similarity;
