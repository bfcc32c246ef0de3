package dev.orion.data.mp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One document of {@code materials/elasticity} (emmet's {@code ElasticityDoc}): the elastic tensor of a
 * material and the moduli derived from it. Everything but the id is optional (it depends on
 * {@code _fields}); every field ORION does not model ({@code compliance_tensor}, {@code sound_velocity},
 * {@code thermal_conductivity}, {@code fitting_data}, the raw tensor, ...) is kept in {@link #extras()}.
 *
 * @param materialId          the id, e.g. {@code mp-149}
 * @param formulaPretty       the reduced formula
 * @param order               the order of the elastic tensor (2 for the usual stiffness tensor)
 * @param elasticTensorIeee   the 6x6 stiffness tensor in Voigt notation in the IEEE frame, GPa ({@code elastic_tensor.ieee_format})
 * @param bulkModulus         the bulk modulus averages ({@code bulk_modulus})
 * @param shearModulus        the shear modulus averages ({@code shear_modulus})
 * @param youngModulus        Young's modulus in Pa, as the API reports it ({@code young_modulus}, or emmet's alias
 *                            {@code youngs_modulus})
 * @param universalAnisotropy the universal elastic anisotropy index
 * @param homogeneousPoisson  the isotropic Poisson's ratio
 * @param debyeTemperature    the Debye temperature in K
 * @param state               the fit's state as sent, e.g. {@code successful}
 * @param warnings            the fit's warnings as sent (empty if none or not sent)
 * @param extras              every field not modelled above, as sent (a copy is returned)
 */
public record MaterialElasticity(String materialId, Optional<String> formulaPretty, OptionalInt order,
        Optional<List<List<Double>>> elasticTensorIeee, Optional<ElasticModuli> bulkModulus,
        Optional<ElasticModuli> shearModulus, OptionalDouble youngModulus, OptionalDouble universalAnisotropy,
        OptionalDouble homogeneousPoisson, OptionalDouble debyeTemperature, Optional<String> state,
        List<String> warnings, JsonNode extras) {

    /** Checks that no component is null, copies the lists and keeps a private copy of {@code extras}. */
    public MaterialElasticity {
        Objects.requireNonNull(materialId, "materialId");
        Objects.requireNonNull(formulaPretty, "formulaPretty");
        Objects.requireNonNull(order, "order");
        elasticTensorIeee = Objects.requireNonNull(elasticTensorIeee, "elasticTensorIeee").map(rows -> rows.stream().map(List::copyOf).toList());
        Objects.requireNonNull(bulkModulus, "bulkModulus");
        Objects.requireNonNull(shearModulus, "shearModulus");
        Objects.requireNonNull(youngModulus, "youngModulus");
        Objects.requireNonNull(universalAnisotropy, "universalAnisotropy");
        Objects.requireNonNull(homogeneousPoisson, "homogeneousPoisson");
        Objects.requireNonNull(debyeTemperature, "debyeTemperature");
        Objects.requireNonNull(state, "state");
        warnings = List.copyOf(warnings);
        extras = Objects.requireNonNull(extras, "extras").deepCopy();
    }

    /** @return a copy of the fields ORION does not model, as sent */
    @Override
    public JsonNode extras() {
        return extras.deepCopy();
    }

    /** Reads one document of {@code materials/elasticity}. */
    static MaterialElasticity read(DocumentFields d) {
        String id = d.required("material_id");
        Optional<String> formula = d.text("formula_pretty");
        OptionalInt order = d.integer("order");
        Optional<List<List<Double>>> tensor = d.nested("elastic_tensor", t -> t.matrix("ieee_format")).flatMap(m -> m);
        return new MaterialElasticity(id, formula, order, tensor, d.nested("bulk_modulus", ElasticModuli::read),
                d.nested("shear_modulus", ElasticModuli::read), d.real("young_modulus", "youngs_modulus"), d.real("universal_anisotropy"),
                d.real("homogeneous_poisson"), d.real("debye_temperature"), d.text("state"), d.texts("warnings"),
                d.rest());
    }
}
