package dev.orion.structure;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The 118 chemical elements, in order of atomic number, named by their symbols.
 *
 * <p>Properties come from a bundled table ({@code elements.tsv} beside this class, taken from the
 * Blue Obelisk data: IUPAC atomic masses, Cordero covalent radii, Pauling electronegativities).
 * Values that have no reliable source (the covalent radius of Bk and heavier elements, the
 * electronegativity of He, Ne, Ar and a few others) are empty {@link OptionalDouble}s rather than
 * invented numbers.
 *
 * <pre>{@code
 * Element fe = Element.of("Fe");
 * fe.atomicMass();                 // 55.845
 * Element.parse("FE");             // Optional[Fe]
 * Element.ofZ(8).electronegativity().getAsDouble();  // 3.44
 * }</pre>
 */
public enum Element {
    H, He, Li, Be, B, C, N, O, F, Ne,
    Na, Mg, Al, Si, P, S, Cl, Ar, K, Ca,
    Sc, Ti, V, Cr, Mn, Fe, Co, Ni, Cu, Zn,
    Ga, Ge, As, Se, Br, Kr, Rb, Sr, Y, Zr,
    Nb, Mo, Tc, Ru, Rh, Pd, Ag, Cd, In, Sn,
    Sb, Te, I, Xe, Cs, Ba, La, Ce, Pr, Nd,
    Pm, Sm, Eu, Gd, Tb, Dy, Ho, Er, Tm, Yb,
    Lu, Hf, Ta, W, Re, Os, Ir, Pt, Au, Hg,
    Tl, Pb, Bi, Po, At, Rn, Fr, Ra, Ac, Th,
    Pa, U, Np, Pu, Am, Cm, Bk, Cf, Es, Fm,
    Md, No, Lr, Rf, Db, Sg, Bh, Hs, Mt, Ds,
    Rg, Cn, Nh, Fl, Mc, Lv, Ts, Og;

    private static final Element[] BY_Z = values();
    private static final Map<String, Element> BY_UPPER_SYMBOL = upperCaseIndex();

    private static Map<String, Element> upperCaseIndex() {
        Map<String, Element> index = new HashMap<>();
        for (Element e : BY_Z) {
            index.put(e.name().toUpperCase(Locale.ROOT), e);
        }
        return Map.copyOf(index);
    }

    /** Atomic number, 1 for H up to 118 for Og. */
    public int z() {
        return ordinal() + 1;
    }

    /** Chemical symbol as IUPAC writes it ("Fe"). */
    public String symbol() {
        return name();
    }

    /** English name as IUPAC writes it ("Iron", "Aluminium", "Caesium"). */
    public String elementName() {
        return ElementTable.INSTANCE.name(ordinal());
    }

    /**
     * Standard atomic weight in unified atomic mass units; for elements without stable isotopes,
     * the mass number of the longest-lived isotope.
     */
    public double atomicMass() {
        return ElementTable.INSTANCE.mass(ordinal());
    }

    /** Single-bond covalent radius in Å (Cordero et al. 2008); empty for Bk and heavier. */
    public OptionalDouble covalentRadius() {
        return ElementTable.INSTANCE.covalentRadius(ordinal());
    }

    /** Pauling electronegativity; empty where none is tabulated (He, Ne, Ar, ...). */
    public OptionalDouble electronegativity() {
        return ElementTable.INSTANCE.electronegativity(ordinal());
    }

    /** IUPAC group 1-18; lanthanides and actinides are reported as group 3. */
    public int group() {
        return ElementTable.INSTANCE.group(ordinal());
    }

    /** Period (row of the periodic table), 1-7. */
    public int period() {
        return ElementTable.INSTANCE.period(ordinal());
    }

    /**
     * The element with exactly this symbol (case-sensitive).
     *
     * @throws IllegalArgumentException naming the value if it is not an element symbol
     */
    public static Element of(String symbol) {
        if (symbol == null) {
            throw new IllegalArgumentException("element symbol must not be null");
        }
        Element e = BY_UPPER_SYMBOL.get(symbol.toUpperCase(Locale.ROOT));
        if (e == null || !e.name().equals(symbol)) {
            throw new IllegalArgumentException("not an element symbol: '" + symbol + "'");
        }
        return e;
    }

    /**
     * Lenient lookup: ignores case and surrounding whitespace ("FE", " fe" give Fe).
     *
     * @return the element, or empty if the text is not a symbol
     */
    public static Optional<Element> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_UPPER_SYMBOL.get(text.strip().toUpperCase(Locale.ROOT)));
    }

    /**
     * The element with atomic number {@code z}.
     *
     * @throws IllegalArgumentException if {@code z} is not in 1..118
     */
    public static Element ofZ(int z) {
        if (z < 1 || z > BY_Z.length) {
            throw new IllegalArgumentException("atomic number must be in 1.." + BY_Z.length + ", got " + z);
        }
        return BY_Z[z - 1];
    }
}
