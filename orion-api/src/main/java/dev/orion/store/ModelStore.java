package dev.orion.store;

import dev.orion.campaign.ModelState;
import java.util.List;
import java.util.Optional;

/**
 * The model registry of one tenant: every fitted surrogate, numbered by version under a name, with the
 * state that rebuilds it (kind, hyperparameters, the hash and size of the data it saw, its log marginal
 * likelihood and cross-validated error). A model is reloaded by fitting the same kind with the stored
 * hyperparameters on data whose hash matches (orion-core's {@code GaussianProcess.reload}). New versions
 * are audited with resource type {@code "model"}.
 *
 * <pre>{@code
 * ModelRecord v = stores.models().register("campaign/abc/energy", model.state());
 * SurrogateModel again = GaussianProcess.reload(stores.models().find("campaign/abc/energy", v.version())
 *         .orElseThrow().state(), data);
 * }</pre>
 */
public interface ModelStore {

    /**
     * Records a fitted model as the next version of {@code name} (1 for the first). Registering the state
     * the latest version already has returns that version and writes nothing, so a resumed process that
     * refits the same model on the same data does not add a version.
     *
     * @param name  the model's name (1-200 characters), e.g. {@code "campaign/<id>/<outcome>"}
     * @param state the fitted model's state
     * @return the stored version
     * @throws IllegalArgumentException if the name is blank or too long
     */
    ModelRecord register(String name, ModelState state);

    /**
     * @param name    a model name
     * @param version a version number
     * @return that version, if this tenant has it
     */
    Optional<ModelRecord> find(String name, int version);

    /** @param name a model name  @return its highest version, if any */
    Optional<ModelRecord> latest(String name);

    /** @param name a model name  @return all its versions, oldest (1) first */
    List<ModelRecord> versions(String name);
}
