package dev.orion.engine;

import dev.orion.structure.Element;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An interatomic potential, typed by LAMMPS pair style. File-based potentials name their file
 * (absolute, or relative to the engine's potential folder, e.g. LAMMPS's
 * {@code /usr/share/lammps/potentials}) and the elements they map: LAMMPS atom types are numbered
 * by each element's first appearance in the structure, and {@code pair_coeff * * file El1 El2 ...}
 * maps them to the file's species by element symbol.
 */
public sealed interface Potential extends Method {

    /** @return the LAMMPS pair style, e.g. {@code "eam/alloy"} */
    String pairStyle();

    /** @return the elements this potential describes */
    Set<Element> elements();

    /** @return the files this potential reads (hashed for provenance), possibly none */
    List<Path> files();

    /**
     * @param file    a funcfl file (DYNAMO single-element format), e.g. {@code Cu_u3.eam}
     * @param element the element it describes
     * @return {@code pair_style eam}
     */
    static Eam eam(Path file, Element element) {
        return new Eam(file, element);
    }

    /**
     * @param file     a setfl file, e.g. {@code CuNi.eam.alloy}
     * @param elements the elements to use from it
     * @return {@code pair_style eam/alloy}
     */
    static EamAlloy eamAlloy(Path file, Element... elements) {
        return new EamAlloy(file, List.of(elements));
    }

    /**
     * @param file     a Finnis-Sinclair setfl file
     * @param elements the elements to use from it
     * @return {@code pair_style eam/fs}
     */
    static EamFs eamFs(Path file, Element... elements) {
        return new EamFs(file, List.of(elements));
    }

    /**
     * {@code pair_style eam}: one funcfl file for one element.
     *
     * @param file    the funcfl file
     * @param element the element it describes
     */
    record Eam(Path file, Element element) implements Potential {
        /** Validates. */
        public Eam {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(element, "element");
        }

        @Override public String pairStyle() { return "eam"; }
        @Override public Set<Element> elements() { return Set.of(element); }
        @Override public List<Path> files() { return List.of(file); }
    }

    /**
     * {@code pair_style eam/alloy}: a setfl file.
     *
     * @param file    the file
     * @param species the elements to use, looked up in the file by symbol
     */
    record EamAlloy(Path file, List<Element> species) implements Potential {
        /** Validates and copies. */
        public EamAlloy {
            Objects.requireNonNull(file, "file");
            species = Potentials.nonEmpty("elements", species);
        }

        @Override public String pairStyle() { return "eam/alloy"; }
        @Override public Set<Element> elements() { return Set.copyOf(species); }
        @Override public List<Path> files() { return List.of(file); }
    }

    /**
     * {@code pair_style eam/fs}: a Finnis-Sinclair setfl file.
     *
     * @param file    the file
     * @param species the elements to use, looked up in the file by symbol
     */
    record EamFs(Path file, List<Element> species) implements Potential {
        /** Validates and copies. */
        public EamFs {
            Objects.requireNonNull(file, "file");
            species = Potentials.nonEmpty("elements", species);
        }

        @Override public String pairStyle() { return "eam/fs"; }
        @Override public Set<Element> elements() { return Set.copyOf(species); }
        @Override public List<Path> files() { return List.of(file); }
    }

    /**
     * {@code pair_style tersoff}, {@code sw} or {@code meam}: a parameter file (and for MEAM a
     * library file) with the elements to map.
     *
     * @param style     {@code "tersoff"}, {@code "sw"} or {@code "meam"}
     * @param library   the MEAM library file; for tersoff and sw the parameter file itself
     * @param parameter the MEAM parameter file (ignored for tersoff and sw: same as {@code library})
     * @param species   the elements, looked up in the files by symbol
     */
    record ManyBody(String style, Path library, Path parameter, List<Element> species) implements Potential {
        /** Validates and copies. */
        public ManyBody {
            if (!Set.of("tersoff", "sw", "meam").contains(style)) {
                throw new IllegalArgumentException("style must be tersoff, sw or meam, got '" + style + "'");
            }
            Objects.requireNonNull(library, "library");
            Objects.requireNonNull(parameter, "parameter");
            species = Potentials.nonEmpty("elements", species);
        }

        @Override public String pairStyle() { return style; }
        @Override public Set<Element> elements() { return Set.copyOf(species); }
        @Override public List<Path> files() {
            return library.equals(parameter) ? List.of(library) : List.of(library, parameter);
        }
    }

    /** @param file a Tersoff file  @param elements the elements  @return {@code pair_style tersoff} */
    static ManyBody tersoff(Path file, Element... elements) {
        return new ManyBody("tersoff", file, file, List.of(elements));
    }

    /** @param file a Stillinger-Weber file  @param elements the elements  @return {@code pair_style sw} */
    static ManyBody stillingerWeber(Path file, Element... elements) {
        return new ManyBody("sw", file, file, List.of(elements));
    }

    /**
     * @param library   the MEAM library file, e.g. {@code library.meam}
     * @param parameter the element parameter file, e.g. {@code Si.meam}
     * @param elements  the elements
     * @return {@code pair_style meam}
     */
    static ManyBody meam(Path library, Path parameter, Element... elements) {
        return new ManyBody("meam", library, parameter, List.of(elements));
    }

    /**
     * {@code pair_style lj/cut}: 4ε[(σ/r)^12 - (σ/r)^6] below {@code cutoff} Å, per element pair.
     * Unlike pairs use Lorentz-Berthelot mixing; engines write every pair explicitly, so no program's
     * own mixing default applies.
     *
     * @param params ε (eV) and σ (Å) per element
     * @param cutoff the global cutoff in Å
     */
    record LennardJones(Map<Element, LjParameters> params, double cutoff) implements Potential {
        /** Validates and copies. */
        public LennardJones {
            if (params.isEmpty()) {
                throw new IllegalArgumentException("params must name at least one element");
            }
            params = Map.copyOf(params);
            if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
                throw new IllegalArgumentException("cutoff must be a positive length in Å, got " + cutoff);
            }
        }

        @Override public String pairStyle() { return "lj/cut"; }
        @Override public Set<Element> elements() { return params.keySet(); }
        @Override public List<Path> files() { return List.of(); }

        /** @param a element  @param b element  @return ε and σ for the pair, mixed by Lorentz-Berthelot */
        public LjParameters pair(Element a, Element b) {
            LjParameters pa = params.get(a);
            LjParameters pb = params.get(b);
            return new LjParameters(Math.sqrt(pa.epsilon() * pb.epsilon()), (pa.sigma() + pb.sigma()) / 2);
        }
    }

    /**
     * Lennard-Jones parameters of one element (or a mixed pair).
     *
     * @param epsilon well depth in eV (&gt;= 0)
     * @param sigma   zero crossing in Å (&gt; 0)
     */
    record LjParameters(double epsilon, double sigma) {
        /** Validates. */
        public LjParameters {
            if (!(epsilon >= 0) || !(sigma > 0) || !Double.isFinite(epsilon) || !Double.isFinite(sigma)) {
                throw new IllegalArgumentException("need epsilon >= 0 eV and sigma > 0 Å, got " + epsilon + ", " + sigma);
            }
        }
    }

    /**
     * @param element one element
     * @param epsilon well depth in eV
     * @param sigma   zero crossing in Å
     * @param cutoff  cutoff in Å
     * @return a one-element Lennard-Jones potential
     */
    static LennardJones lennardJones(Element element, double epsilon, double sigma, double cutoff) {
        return new LennardJones(Map.of(element, new LjParameters(epsilon, sigma)), cutoff);
    }
}
