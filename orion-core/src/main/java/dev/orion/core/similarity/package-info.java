/**
 * Structure similarity search kept in a tenant's store: {@link dev.orion.core.similarity.VectorSimilarityIndex}
 * stores {@link dev.orion.analysis.features.StructureFingerprint}s in a {@link dev.orion.store.VectorIndex}
 * collection and answers {@link dev.orion.features.SimilarityIndex} queries from it.
 * {@link dev.orion.core.similarity.TextSimilarity} does the same for texts, embedded through the tenant's
 * {@link dev.orion.llm.TenantEmbeddings}.
 */
package dev.orion.core.similarity;
