package dev.orion.core.workflow;

import dev.orion.core.workflow.internal.Node;
import java.util.Optional;

/** A workflow input as parsed, with the node it came from. */
record InputDef(String name, ValueType type, Optional<Object> defaultValue, String description, Node node) {
}
