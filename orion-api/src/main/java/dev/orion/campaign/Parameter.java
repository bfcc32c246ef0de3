package dev.orion.campaign;

/**
 * One dimension of a {@link ParameterSpace}: a continuous range, an integer range, a set of categories
 * or the fractions of a composition.
 */
public sealed interface Parameter permits ContinuousParameter, IntegerParameter, CategoricalParameter,
        CompositionParameter {

    /** @return the parameter's name, unique within its space */
    String name();
}
