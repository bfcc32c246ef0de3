/**
 * Values and interfaces for machine-learning features of materials: named feature vectors
 * ({@link dev.orion.features.FeatureVector}) and similarity search over structures
 * ({@link dev.orion.features.SimilarityIndex}, answered with {@link dev.orion.features.SimilarityMatch}es).
 * The featurisers, fingerprints and an in-memory index live in orion-core's package of the same name;
 * a database-backed index implements the same interface.
 */
package dev.orion.features;
