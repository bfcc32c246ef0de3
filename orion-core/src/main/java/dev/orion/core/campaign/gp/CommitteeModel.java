package dev.orion.core.campaign.gp;

import dev.orion.campaign.ModelState;
import dev.orion.campaign.Prediction;
import dev.orion.campaign.SurrogateModel;
import dev.orion.campaign.TrainingSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** A fitted {@link BootstrapCommittee}: its members' predictions, combined or one by one. */
public final class CommitteeModel implements SurrogateModel {

    private final List<SurrogateModel> members;
    private final TrainingSet data;

    CommitteeModel(List<SurrogateModel> members, TrainingSet data) {
        this.members = List.copyOf(members);
        this.data = data;
    }

    /** @return how many members */
    public int size() {
        return members.size();
    }

    /**
     * @param xs inputs
     * @return each member's predicted mean, one row per member and one column per input (the shape
     *         {@code SelectionInput.Builder.committee} takes)
     */
    public double[][] memberMeans(double[][] xs) {
        double[][] out = new double[members.size()][xs.length];
        for (int m = 0; m < members.size(); m++) {
            Prediction[] p = members.get(m).predict(xs);
            for (int i = 0; i < xs.length; i++) {
                out[m][i] = p[i].mean();
            }
        }
        return out;
    }

    @Override
    public int dimension() {
        return data.dimension();
    }

    @Override
    public TrainingSet data() {
        return data;
    }

    @Override
    public Prediction predict(double[] x) {
        return predict(new double[][] {x})[0];
    }

    @Override
    public Prediction[] predict(double[][] xs) {
        int k = members.size();
        double[] sum = new double[xs.length];
        double[] sumSquares = new double[xs.length];
        double[] variance = new double[xs.length];
        for (SurrogateModel member : members) {
            Prediction[] p = member.predict(xs);
            for (int i = 0; i < xs.length; i++) {
                sum[i] += p[i].mean();
                sumSquares[i] += p[i].mean() * p[i].mean();
                variance[i] += p[i].variance() / k;
            }
        }
        Prediction[] out = new Prediction[xs.length];
        for (int i = 0; i < xs.length; i++) {
            double mean = sum[i] / k;
            double spread = Math.max(0, sumSquares[i] / k - mean * mean);
            out[i] = new Prediction(mean, variance[i] + spread);
        }
        return out;
    }

    @Override
    public CommitteeModel withPoint(double[] x, double y, double noiseVariance) {
        List<SurrogateModel> next = new ArrayList<>(members.size());
        for (SurrogateModel m : members) {
            next.add(m.withPoint(x, y, noiseVariance));
        }
        return new CommitteeModel(next, data.plus(x, y, noiseVariance));
    }

    @Override
    public ModelState state() {
        return new ModelState("committee", Map.of("members", (double) members.size()), data.hash(), data.size(),
                OptionalDouble.empty(), OptionalDouble.empty());
    }
}
