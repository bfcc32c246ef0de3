/**
 * Runnable ORION samples: {@link dev.orion.samples.QuickStart} (the README's main sample) and
 * {@link dev.orion.samples.Inspect} (structure files to JSON lines); the sub-packages show one
 * capability each (symmetry, features, engines, LLM, stores).
 */
package dev.orion.samples;
