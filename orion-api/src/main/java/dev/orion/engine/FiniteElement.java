package dev.orion.engine;

import dev.orion.engine.continuum.Analysis;
import dev.orion.engine.continuum.Constraint;
import dev.orion.engine.continuum.Load;
import dev.orion.engine.continuum.Material;
import dev.orion.engine.continuum.Mesh;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A finite-element calculation on a part ORION meshes: one material on the whole mesh, an
 * {@link Analysis}, constraints and loads on named node sets. An engine (CalculiX) writes the input
 * deck; the result's {@link CalculationResult#continuum()} holds what it printed.
 *
 * <pre>{@code
 * FiniteElement cantilever = FiniteElement.builder(Mesh.block(1.0, 0.1, 0.1, 40, 4, 4), steel)
 *         .analysis(Analysis.staticElastic())
 *         .constrain(Constraint.fixed("XMIN", 1)).constrain(Constraint.fixed("XMIN", 2))
 *         .constrain(Constraint.fixed("XMIN", 3))
 *         .load(Load.force("XMAX", 3, -1000))
 *         .build();
 * }</pre>
 *
 * @param mesh        the mesh
 * @param material    the material of every element
 * @param analysis    what to solve
 * @param constraints prescribed displacements or temperatures
 * @param loads       forces or heat sources
 */
public record FiniteElement(Mesh mesh, Material material, Analysis analysis, List<Constraint> constraints,
                            List<Load> loads) implements Calculation {

    /** Validates: every node set named exists in the mesh. */
    public FiniteElement {
        Objects.requireNonNull(mesh, "mesh");
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(analysis, "analysis");
        constraints = List.copyOf(constraints);
        loads = List.copyOf(loads);
        for (Constraint c : constraints) {
            mesh.nodeSet(c.nodeSet());
        }
        for (Load l : loads) {
            if (l instanceof Load.NodalForce f) {
                mesh.nodeSet(f.nodeSet());
            } else if (l instanceof Load.Pressure p) {
                mesh.nodeSet(p.nodeSet());
            }
        }
    }

    @Override
    public String kind() {
        return "finite-element";
    }

    /** @param mesh the mesh  @param material its material  @return a builder of a static analysis */
    public static Builder builder(Mesh mesh, Material material) {
        return new Builder(mesh, material);
    }

    /** Builds a {@link FiniteElement}. */
    public static final class Builder {
        private final Mesh mesh;
        private final Material material;
        private Analysis analysis = Analysis.staticElastic();
        private final List<Constraint> constraints = new ArrayList<>();
        private final List<Load> loads = new ArrayList<>();

        private Builder(Mesh mesh, Material material) {
            this.mesh = Objects.requireNonNull(mesh, "mesh");
            this.material = Objects.requireNonNull(material, "material");
        }

        /** @param a what to solve (default static)  @return this */
        public Builder analysis(Analysis a) {
            this.analysis = Objects.requireNonNull(a, "analysis");
            return this;
        }

        /** @param c a prescribed displacement or temperature  @return this */
        public Builder constrain(Constraint c) {
            constraints.add(Objects.requireNonNull(c, "constraint"));
            return this;
        }

        /** @param l a load  @return this */
        public Builder load(Load l) {
            loads.add(Objects.requireNonNull(l, "load"));
            return this;
        }

        /** @return the calculation */
        public FiniteElement build() {
            return new FiniteElement(mesh, material, analysis, constraints, loads);
        }
    }
}
