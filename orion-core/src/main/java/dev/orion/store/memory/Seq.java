package dev.orion.store.memory;

/** A value with its insertion sequence number, which orders rows for keyset pagination. */
record Seq<T>(long seq, T value) {
}
