/**
 * Machine-learning features of materials: {@link dev.orion.analysis.features.CompositionFeaturizer}
 * (statistics of elemental properties), {@link dev.orion.analysis.features.StructureFeaturizer} (density,
 * packing, coordination, g(r)), the {@link dev.orion.analysis.features.PartialRdfFingerprinter} structure
 * fingerprint and {@link dev.orion.analysis.features.InMemorySimilarityIndex}, an in-memory
 * k-nearest-neighbour search implementing {@link dev.orion.features.SimilarityIndex}.
 * Values are {@link dev.orion.features.FeatureVector}s (from orion-api).
 */
package dev.orion.analysis.features;

