/**
 * Structure IO benchmarks: CIF reading plus symmetry expansion side by side with python3-gemmi
 * ({@link dev.orion.bench.io.CifVsGemmi}) and heap bytes per site of a large structure
 * ({@link dev.orion.bench.io.StructureMemory}).
 */
package dev.orion.bench.io;
