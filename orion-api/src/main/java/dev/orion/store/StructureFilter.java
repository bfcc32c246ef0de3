package dev.orion.store;

import dev.orion.structure.Composition;
import dev.orion.structure.Element;
import dev.orion.tenant.ProjectId;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Selects structures; every field narrows the selection and unset fields match everything. Start
 * from {@link #all()} and narrow with the {@code with...} methods:
 *
 * <pre>{@code
 * StructureFilter.all().withElements("Li", "O").withOnlyElements("Li", "Co", "O").withSiteCount(1, 40);
 * StructureFilter.all().withReducedFormula("Fe2O3").withSpaceGroup(167);
 * }</pre>
 *
 * Arguments are checked when the filter is built: an unknown element symbol, an empty element set, a
 * negative or inverted site-count range or a space-group number outside 1-230 is an
 * {@link IllegalArgumentException} naming the argument and the value.
 *
 * @param project        only this project
 * @param reducedFormula only this reduced formula (as {@link dev.orion.structure.Composition#reducedFormula()} writes it)
 * @param elements       only structures containing every one of these elements (empty: no condition)
 * @param onlyElements   only structures made of no elements but these (a non-empty set)
 * @param minSites       only structures with at least this many sites (>= 0)
 * @param maxSites       only structures with at most this many sites (>= {@code minSites})
 * @param spaceGroup     only structures whose stored space-group number is this one (1-230)
 * @param tag            only structures carrying this tag
 * @param nameContains   only names containing this text (case-sensitive)
 * @param property       only structures having this computed property
 */
public record StructureFilter(Optional<ProjectId> project, Optional<String> reducedFormula, Set<Element> elements,
                              Optional<Set<Element>> onlyElements, int minSites, int maxSites, OptionalInt spaceGroup,
                              Optional<String> tag, Optional<String> nameContains, Optional<String> property) {

    /** The highest international space-group number. */
    private static final int SPACE_GROUPS = 230;

    /** Validates and copies. */
    public StructureFilter {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(reducedFormula, "reducedFormula");
        elements = Set.copyOf(Objects.requireNonNull(elements, "elements"));
        Objects.requireNonNull(onlyElements, "onlyElements");
        onlyElements = onlyElements.map(set -> {
            if (set.isEmpty()) {
                throw new IllegalArgumentException("onlyElements must name at least one element, got an empty set");
            }
            return Set.copyOf(set);
        });
        if (minSites < 0 || maxSites < minSites) {
            throw new IllegalArgumentException("site count range must satisfy 0 <= min <= max, got min " + minSites
                    + ", max " + maxSites);
        }
        Objects.requireNonNull(spaceGroup, "spaceGroup");
        if (spaceGroup.isPresent() && (spaceGroup.getAsInt() < 1 || spaceGroup.getAsInt() > SPACE_GROUPS)) {
            throw new IllegalArgumentException("spaceGroup must be a space-group number in 1-" + SPACE_GROUPS + ", got "
                    + spaceGroup.getAsInt());
        }
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(nameContains, "nameContains");
        Objects.requireNonNull(property, "property");
    }

    /** @return a filter matching every structure */
    public static StructureFilter all() {
        return new StructureFilter(Optional.empty(), Optional.empty(), Set.of(), Optional.empty(), 0, Integer.MAX_VALUE,
                OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** @param p project  @return narrowed filter */
    public StructureFilter withProject(ProjectId p) {
        return new StructureFilter(Optional.of(p), reducedFormula, elements, onlyElements, minSites, maxSites, spaceGroup,
                tag, nameContains, property);
    }

    /**
     * @param formula any formula of the composition wanted ({@code "Fe2O3"}, {@code "O3Fe2"} and
     *                {@code "Fe4O6"} select the same structures); it is reduced before matching
     * @return narrowed filter
     * @throws IllegalArgumentException if {@code formula} is not a formula
     */
    public StructureFilter withReducedFormula(String formula) {
        StoreArguments.text("reducedFormula", formula, 200);
        Composition c = Composition.parse(formula);
        if (c.isEmpty()) {
            throw new IllegalArgumentException("reducedFormula must name at least one element, got '"
                    + StoreArguments.abbreviate(formula) + "'");
        }
        return new StructureFilter(project, Optional.of(c.reducedFormula()), elements, onlyElements, minSites, maxSites,
                spaceGroup, tag, nameContains, property);
    }

    /**
     * @param required elements every selected structure contains (at least one)
     * @return narrowed filter
     * @throws IllegalArgumentException if {@code required} is empty
     */
    public StructureFilter withElements(Set<Element> required) {
        if (Objects.requireNonNull(required, "elements").isEmpty()) {
            throw new IllegalArgumentException("elements must name at least one element, got an empty set");
        }
        return new StructureFilter(project, reducedFormula, required, onlyElements, minSites, maxSites, spaceGroup,
                tag, nameContains, property);
    }

    /**
     * @param symbols symbols of elements every selected structure contains, e.g. {@code "Li", "O"}
     * @return narrowed filter
     * @throws IllegalArgumentException if a symbol is not an element symbol or none is given
     */
    public StructureFilter withElements(String... symbols) {
        return withElements(elementsOf("elements", symbols));
    }

    /**
     * @param allowed the only elements a selected structure may contain (at least one)
     * @return narrowed filter
     * @throws IllegalArgumentException if {@code allowed} is empty
     */
    public StructureFilter withOnlyElements(Set<Element> allowed) {
        Optional<Set<Element>> only = Optional.of(Objects.requireNonNull(allowed, "onlyElements"));
        return new StructureFilter(project, reducedFormula, elements, only, minSites, maxSites, spaceGroup, tag,
                nameContains, property);
    }

    /**
     * @param symbols symbols of the only elements a selected structure may contain, e.g. {@code "Li", "Co", "O"}
     * @return narrowed filter
     * @throws IllegalArgumentException if a symbol is not an element symbol or none is given
     */
    public StructureFilter withOnlyElements(String... symbols) {
        return withOnlyElements(elementsOf("onlyElements", symbols));
    }

    /**
     * @param min the least number of sites (>= 0)
     * @param max the most number of sites (>= {@code min})
     * @return narrowed filter
     * @throws IllegalArgumentException if the range is negative or inverted
     */
    public StructureFilter withSiteCount(int min, int max) {
        return new StructureFilter(project, reducedFormula, elements, onlyElements, min, max, spaceGroup, tag,
                nameContains, property);
    }

    /**
     * @param number an international space-group number, 1-230
     * @return narrowed filter (structures whose space group was not determined never match)
     * @throws IllegalArgumentException if {@code number} is outside 1-230
     */
    public StructureFilter withSpaceGroup(int number) {
        return new StructureFilter(project, reducedFormula, elements, onlyElements, minSites, maxSites,
                OptionalInt.of(number), tag, nameContains, property);
    }

    /** @param t tag  @return narrowed filter */
    public StructureFilter withTag(String t) {
        return new StructureFilter(project, reducedFormula, elements, onlyElements, minSites, maxSites, spaceGroup,
                Optional.of(t), nameContains, property);
    }

    /** @param text name fragment  @return narrowed filter */
    public StructureFilter withNameContaining(String text) {
        return new StructureFilter(project, reducedFormula, elements, onlyElements, minSites, maxSites, spaceGroup, tag,
                Optional.of(text), property);
    }

    /** @param name property name  @return narrowed filter */
    public StructureFilter withProperty(String name) {
        return new StructureFilter(project, reducedFormula, elements, onlyElements, minSites, maxSites, spaceGroup, tag,
                nameContains, Optional.of(name));
    }

    private static Set<Element> elementsOf(String argument, String... symbols) {
        Objects.requireNonNull(symbols, argument);
        try {
            return Set.copyOf(Arrays.stream(symbols).map(Element::of).toList());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(argument + ": " + e.getMessage(), e);
        }
    }
}
