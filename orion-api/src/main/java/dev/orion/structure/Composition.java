package dev.orion.structure;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable amount of each element, as in a chemical formula ({@code Fe2 O3}) or the content
 * of a unit cell. Amounts are positive doubles (fractional amounts describe disorder or
 * non-stoichiometry); elements with zero amount are absent.
 *
 * <p>Elements are listed in pymatgen's order: by Pauling electronegativity, then by symbol;
 * elements without a tabulated electronegativity (noble gases) come last.
 *
 * <pre>{@code
 * Composition c = Composition.parse("Ca3(PO4)2");
 * c.formula();          // "Ca3 P2 O8"
 * c.reducedFormula();   // "Ca3P2O8" (brackets are not reconstructed)
 * c.weight();           // 310.18
 * }</pre>
 */
public final class Composition {

    /** pymatgen's formula order: electronegativity ascending (missing last), then symbol. */
    static final Comparator<Element> ELECTRONEGATIVITY_ORDER = Comparator
            .comparingDouble((Element e) -> e.electronegativity().orElse(Double.POSITIVE_INFINITY))
            .thenComparing(Element::symbol);

    private static final Composition EMPTY = new Composition(new Element[0], new double[0]);

    private final Element[] elements;
    private final double[] amounts;

    private Composition(Element[] elements, double[] amounts) {
        this.elements = elements;
        this.amounts = amounts;
    }

    /** The composition with no elements. */
    public static Composition empty() {
        return EMPTY;
    }

    /**
     * A composition from element amounts; zero amounts are dropped.
     *
     * @throws IllegalArgumentException if an amount is negative or not finite
     */
    public static Composition of(Map<Element, Double> amounts) {
        Objects.requireNonNull(amounts, "amounts");
        Map<Element, Double> positive = new EnumMap<>(Element.class);
        amounts.forEach((e, a) -> {
            Objects.requireNonNull(e, "element");
            if (a == null || !Double.isFinite(a) || a < 0) {
                throw new IllegalArgumentException("amount of " + e + " must be finite and >= 0, got " + a);
            }
            if (a > 0) {
                positive.put(e, a);
            }
        });
        if (positive.isEmpty()) {
            return EMPTY;
        }
        Element[] els = positive.keySet().toArray(new Element[0]);
        Arrays.sort(els, ELECTRONEGATIVITY_ORDER);
        double[] am = new double[els.length];
        for (int i = 0; i < els.length; i++) {
            am[i] = positive.get(els[i]);
        }
        return new Composition(els, am);
    }

    /**
     * Parses a formula: {@code "Fe2O3"}, {@code "Ca3(PO4)2"}, {@code "K4[Fe(CN)6]"},
     * {@code "Li0.5CoO2"}, {@code "Fe2 O3"}.
     *
     * @throws IllegalArgumentException naming the formula and the 1-based position of the error
     */
    public static Composition parse(String formula) {
        return of(FormulaParser.parse(formula));
    }

    /** The amount of {@code element}, 0 if absent. */
    public double amount(Element element) {
        for (int i = 0; i < elements.length; i++) {
            if (elements[i] == element) {
                return amounts[i];
            }
        }
        return 0;
    }

    /** The elements present, in formula order (electronegativity, then symbol). */
    public List<Element> elements() {
        return List.of(elements);
    }

    /** Element to amount, in formula order. */
    public Map<Element, Double> asMap() {
        Map<Element, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < elements.length; i++) {
            m.put(elements[i], amounts[i]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** True if no element is present. */
    public boolean isEmpty() {
        return elements.length == 0;
    }

    /** Total number of atoms (sum of the amounts). */
    public double numAtoms() {
        double n = 0;
        for (double a : amounts) {
            n += a;
        }
        return n;
    }

    /** Formula weight in unified atomic mass units. */
    public double weight() {
        double w = 0;
        for (int i = 0; i < elements.length; i++) {
            w += amounts[i] * elements[i].atomicMass();
        }
        return w;
    }

    /** Atomic fraction of {@code element}, 0 if absent. */
    public double fraction(Element element) {
        double n = numAtoms();
        return n == 0 ? 0 : amount(element) / n;
    }

    /** Mass fraction of {@code element}, 0 if absent. */
    public double weightFraction(Element element) {
        double w = weight();
        return w == 0 ? 0 : amount(element) * element.atomicMass() / w;
    }

    /** pymatgen's full formula: {@code "Ca3 P2 O8"}, {@code "Li1 Co1 O2"}, {@code "Li0.5 Co1 O2"}. */
    public String formula() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(elements[i].symbol()).append(Numbers.format(amounts[i]));
        }
        return sb.toString();
    }

    /**
     * The composition divided by the greatest common divisor of its amounts when all amounts are
     * integral (within 1e-8); otherwise this composition unchanged.
     */
    public Composition reducedComposition() {
        long gcd = 0;
        for (double a : amounts) {
            if (!Numbers.isIntegral(a)) {
                return this;
            }
            gcd = gcd(gcd, Math.round(a));
        }
        if (gcd <= 1) {
            return this;
        }
        double[] reduced = new double[amounts.length];
        for (int i = 0; i < amounts.length; i++) {
            reduced[i] = Math.round(amounts[i]) / (double) gcd;
        }
        return new Composition(elements, reduced);
    }

    /** The reduced formula without spaces or unit amounts: {@code "Fe2O3"}, {@code "LiCoO2"}. */
    public String reducedFormula() {
        Composition r = reducedComposition();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < elements.length; i++) {
            sb.append(elements[i].symbol()).append(unitless(r.amounts[i]));
        }
        return sb.toString();
    }

    /**
     * The reduced formula with elements replaced by letters in order of increasing amount:
     * {@code Fe2O3 -> "A2B3"}, {@code LiCoO2 -> "ABC2"}.
     */
    public String anonymousFormula() {
        Composition r = reducedComposition();
        Integer[] order = new Integer[elements.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> r.amounts[i]));
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < order.length; k++) {
            sb.append(letters(k)).append(unitless(r.amounts[order[k]]));
        }
        return sb.toString();
    }

    private static String letters(int k) {
        return k < 26 ? String.valueOf((char) ('A' + k)) : letters(k / 26 - 1) + (char) ('A' + k % 26);
    }

    /** Amount as written in compact formulas: nothing for 1. */
    private static String unitless(double a) {
        return Numbers.isIntegral(a) && Math.rint(a) == 1 ? "" : Numbers.format(a);
    }

    /** Element-wise sum. */
    public Composition plus(Composition other) {
        Map<Element, Double> m = new EnumMap<>(Element.class);
        m.putAll(asMap());
        other.asMap().forEach((e, a) -> m.merge(e, a, Double::sum));
        return of(m);
    }

    /**
     * Every amount multiplied by {@code factor}.
     *
     * @throws IllegalArgumentException if the factor is negative or not finite
     */
    public Composition times(double factor) {
        if (!Double.isFinite(factor) || factor < 0) {
            throw new IllegalArgumentException("factor must be finite and >= 0, got " + factor);
        }
        if (factor == 0) {
            return EMPTY;
        }
        double[] scaled = new double[amounts.length];
        for (int i = 0; i < amounts.length; i++) {
            scaled[i] = amounts[i] * factor;
        }
        return new Composition(elements, scaled);
    }

    /** True if every element's amount differs by at most {@code tolerance} (absent counts as 0). */
    public boolean almostEquals(Composition other, double tolerance) {
        for (Element e : elements) {
            if (Math.abs(amount(e) - other.amount(e)) > tolerance) {
                return false;
            }
        }
        for (Element e : other.elements) {
            if (Math.abs(amount(e) - other.amount(e)) > tolerance) {
                return false;
            }
        }
        return true;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Composition c && Arrays.equals(elements, c.elements) && Arrays.equals(amounts, c.amounts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(elements) + Arrays.hashCode(amounts);
    }

    /** The full formula, as {@link #formula()}. */
    @Override
    public String toString() {
        return formula();
    }
}
