package dev.orion.campaign;

/** A fitted {@link Surrogate}: predicts the mean and variance of the outcome at new inputs. */
public interface SurrogateModel {

    /** @return the input width */
    int dimension();

    /** @return the data it was fitted on (including any points added since) */
    TrainingSet data();

    /**
     * @param x an input of width {@link #dimension()}
     * @return the prediction there
     */
    Prediction predict(double[] x);

    /**
     * Predicts at many points; implementations override this to share work across points.
     *
     * @param xs inputs
     * @return one prediction per input, in order
     */
    default Prediction[] predict(double[][] xs) {
        Prediction[] out = new Prediction[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = predict(xs[i]);
        }
        return out;
    }

    /**
     * Conditions the model on one more point with the same hyperparameters (a fantasy for pending
     * evaluations, or a new observation between refits).
     *
     * @param x             the input
     * @param y             the target
     * @param noiseVariance its known noise variance (0 if unknown)
     * @return the updated model; this one is unchanged
     */
    SurrogateModel withPoint(double[] x, double y, double noiseVariance);

    /** @return the serialisable state (hyperparameters, data hash, cross-validated error) */
    ModelState state();
}
