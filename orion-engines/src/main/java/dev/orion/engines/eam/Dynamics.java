package dev.orion.engines.eam;

import dev.orion.engine.Ensemble;
import dev.orion.engine.MolecularDynamics;
import dev.orion.engine.Thermostat;
import dev.orion.structure.Matrix3;
import java.util.SplittableRandom;

/**
 * Molecular dynamics of a {@link Configuration} under a {@link ForceModel}, in LAMMPS's metal units
 * (Å, ps, eV, g/mol, K). One symmetric Trotter splitting serves every ensemble:
 * <pre>
 *   T(dt/2)  P(dt/2)  kick(dt/2)  drift(dt)  forces  kick(dt/2)  P(dt/2)  T(dt/2)
 * </pre>
 * where {@code kick} and {@code drift} are velocity Verlet, {@code P} advances the barostat's
 * velocity (NPT: the isotropic Martyna-Tobias-Klein barostat, whose velocity also damps the kicks
 * and scales the cell in the drift, integrated exactly as in Tuckerman et al., J. Phys. A 39, 5629,
 * 2006) and {@code T} is the thermostat: a Nosé-Hoover chain of {@value #CHAIN} on the atoms and
 * another on the barostat (Martyna, Tuckerman, Tobias and Klein, Mol. Phys. 87, 1117, 1996), or a
 * Langevin Ornstein-Uhlenbeck half step (the OBABO scheme). NVE uses the kicks and the drift only.
 * The conserved quantity of the extended system is tracked, so its drift measures the integration
 * error whatever the ensemble (for Langevin, the heat exchanged with the bath is accounted for).
 */
final class Dynamics {

    /** eV per (g/mol Å²/ps²), LAMMPS's {@code mvv2e} in metal units. */
    static final double MVV2E = 1.0364269e-4;
    /** Boltzmann's constant in eV/K, as LAMMPS's metal units. */
    static final double BOLTZ = 8.617343e-5;
    /** Thermostat chain length, as LAMMPS's default {@code tchain}. */
    static final int CHAIN = 3;

    private final Relaxer forces;
    private final Configuration c;
    private final MolecularDynamics md;
    private final int n;
    private final double[] mass;
    private final double[] v;
    private final double[] f;
    private final double[] stress = new double[6];
    private final double dt;
    private final int dof;
    private final double kT;
    private final boolean thermostatted;
    private final boolean barostatted;
    private final SplittableRandom random;
    private final Chain atomsChain;
    private final Chain cellChain;
    private final double pExt;
    private final double barostatMass;
    private double vEps;
    private double potential;
    private double bathWork;

    Dynamics(Relaxer forces, Configuration c, double[] masses, MolecularDynamics md) {
        this.forces = forces;
        this.c = c;
        this.md = md;
        this.n = c.n;
        this.mass = masses;
        this.v = new double[3 * n];
        this.f = new double[3 * n];
        this.dt = md.timeStepFs() / 1000;
        this.dof = Math.max(1, 3 * n - 3);
        this.kT = BOLTZ * md.temperatureK();
        this.thermostatted = md.ensemble() != Ensemble.NVE;
        this.barostatted = md.ensemble() == Ensemble.NPT;
        this.random = new SplittableRandom(md.seed());
        double tau = md.temperatureDampingFs() / 1000;
        double tauP = md.pressureDampingFs() / 1000;
        boolean nh = md.thermostat() == Thermostat.NOSE_HOOVER;
        this.atomsChain = thermostatted && nh ? new Chain(dof, kT, tau) : null;
        this.cellChain = barostatted && nh ? new Chain(1, kT, tauP) : null;
        this.pExt = md.pressureGPa() / Relaxer.GPA_PER_EV_A3;
        this.barostatMass = (dof + 3) * Math.max(kT, BOLTZ) * tauP * tauP;
        initialVelocities();
        potential = evaluate();
    }

    /** Maxwell-Boltzmann velocities at the run's temperature, no net momentum, scaled to it exactly. */
    private void initialVelocities() {
        if (md.temperatureK() == 0 || n < 2) {
            return;
        }
        double[] momentum = new double[3];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double sd = Math.sqrt(kT / (mass[i] * MVV2E));
            for (int k = 0; k < 3; k++) {
                v[3 * i + k] = sd * random.nextGaussian();
                momentum[k] += mass[i] * v[3 * i + k];
            }
            total += mass[i];
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                v[3 * i + k] -= momentum[k] / total;
            }
        }
        double scale = Math.sqrt(md.temperatureK() / temperature());
        for (int k = 0; k < 3 * n; k++) {
            v[k] *= scale;
        }
    }

    private double evaluate() {
        return forces.evaluate(c, f, stress);
    }

    /** Advances one time step. */
    void step() {
        thermostatHalf();
        barostatHalf();
        kick();
        drift();
        potential = evaluate();
        kick();
        barostatHalf();
        thermostatHalf();
    }

    private void thermostatHalf() {
        if (!thermostatted) {
            return;
        }
        if (atomsChain != null) {
            double scale = atomsChain.halfStep(2 * kinetic(), dt);
            for (int k = 0; k < 3 * n; k++) {
                v[k] *= scale;
            }
            if (cellChain != null) {
                vEps *= cellChain.halfStep(barostatMass * vEps * vEps, dt);
            }
            return;
        }
        double before = kinetic() + 0.5 * barostatMass * vEps * vEps;
        double c1 = Math.exp(-0.5 * dt / (md.temperatureDampingFs() / 1000));
        double c2 = Math.sqrt(1 - c1 * c1);
        for (int i = 0; i < n; i++) {
            double sd = c2 * Math.sqrt(kT / (mass[i] * MVV2E));
            for (int k = 0; k < 3; k++) {
                v[3 * i + k] = c1 * v[3 * i + k] + sd * random.nextGaussian();
            }
        }
        if (barostatted) {
            double cp = Math.exp(-0.5 * dt / (md.pressureDampingFs() / 1000));
            vEps = cp * vEps + Math.sqrt((1 - cp * cp) * kT / barostatMass) * random.nextGaussian();
        }
        bathWork += kinetic() + 0.5 * barostatMass * vEps * vEps - before;
    }

    /** Half a step of the barostat velocity under the internal minus the external pressure. */
    private void barostatHalf() {
        if (!barostatted) {
            return;
        }
        double volume = c.volume();
        double virial = (stress[0] + stress[1] + stress[2]) * volume / Relaxer.GPA_PER_EV_A3;
        double twiceKinetic = 2 * kinetic();
        double force = (1 + 3.0 / dof) * twiceKinetic + virial - 3 * volume * pExt;
        vEps += 0.5 * dt * force / barostatMass;
    }

    private void kick() {
        double damping = barostatted ? (1 + 3.0 / dof) * vEps * 0.5 * dt : 0;
        double decay = Math.exp(-damping);
        double kickFactor = Math.exp(-damping / 2) * sinhc(damping / 2);
        for (int i = 0; i < n; i++) {
            double a = 0.5 * dt / (mass[i] * MVV2E) * kickFactor;
            for (int k = 0; k < 3; k++) {
                int j = 3 * i + k;
                v[j] = v[j] * decay + a * f[j];
            }
        }
    }

    /** Positions move with the velocities and, under a barostat, with the cell scaled by exp(vEps dt). */
    private void drift() {
        double[] inv = Matrix3.inverse(c.cell);
        double x = vEps * 0.5 * dt;
        double factor = barostatted ? Math.exp(-x) * sinhc(x) : 1;
        for (int i = 0; i < n; i++) {
            double dx = dt * v[3 * i] * factor;
            double dy = dt * v[3 * i + 1] * factor;
            double dz = dt * v[3 * i + 2] * factor;
            c.frac[3 * i] += dx * inv[0] + dy * inv[3] + dz * inv[6];
            c.frac[3 * i + 1] += dx * inv[1] + dy * inv[4] + dz * inv[7];
            c.frac[3 * i + 2] += dx * inv[2] + dy * inv[5] + dz * inv[8];
        }
        if (barostatted) {
            double scale = Math.exp(vEps * dt);
            double[] cell = c.cell.clone();
            for (int k = 0; k < 9; k++) {
                cell[k] *= scale;
            }
            c.cell = cell;
        }
    }

    private static double sinhc(double x) {
        return Math.abs(x) < 1e-4 ? 1 + x * x / 6 : Math.sinh(x) / x;
    }

    double kinetic() {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double vv = v[3 * i] * v[3 * i] + v[3 * i + 1] * v[3 * i + 1] + v[3 * i + 2] * v[3 * i + 2];
            sum += mass[i] * vv;
        }
        return 0.5 * MVV2E * sum;
    }

    /** @return the kinetic temperature in K over 3N - 3 degrees of freedom */
    double temperature() {
        return 2 * kinetic() / (dof * BOLTZ);
    }

    /** @return the pressure in GPa, kinetic part included */
    double pressure() {
        double volume = c.volume();
        double virial = (stress[0] + stress[1] + stress[2]) * volume / Relaxer.GPA_PER_EV_A3;
        return (2 * kinetic() + virial) / (3 * volume) * Relaxer.GPA_PER_EV_A3;
    }

    double potential() {
        return potential;
    }

    double[] forces() {
        return f;
    }

    double[] virialStress() {
        return stress;
    }

    /** @return the energy of the extended system, constant up to the integration error */
    double conserved() {
        double h = kinetic() + potential;
        if (barostatted) {
            h += pExt * c.volume() + 0.5 * barostatMass * vEps * vEps;
        }
        if (atomsChain != null) {
            h += atomsChain.energy();
        }
        if (cellChain != null) {
            h += cellChain.energy();
        }
        return h - bathWork;
    }

    /**
     * A Nosé-Hoover chain of {@value #CHAIN} thermostats on a group of {@code dof} degrees of freedom,
     * masses Q1 = dof kT tau^2 and Qj = kT tau^2, integrated by the MTTK half-step.
     */
    private static final class Chain {
        private final int dof;
        private final double kT;
        private final double[] q = new double[CHAIN];
        private final double[] eta = new double[CHAIN];
        private final double[] etaDot = new double[CHAIN];
        private final double[] g = new double[CHAIN];

        Chain(int dof, double kT, double tau) {
            this.dof = dof;
            this.kT = kT;
            for (int j = 0; j < CHAIN; j++) {
                q[j] = (j == 0 ? dof : 1) * kT * tau * tau;
            }
        }

        /**
         * Half a time step of the chain driven by a group whose kinetic energy is {@code twiceKinetic / 2}.
         *
         * @return the factor to scale the group's velocities by
         */
        double halfStep(double twiceKinetic, double dt) {
            double dt2 = dt / 2;
            double dt4 = dt / 4;
            double dt8 = dt / 8;
            int m = CHAIN - 1;
            g[0] = (twiceKinetic - dof * kT) / q[0];
            for (int j = 1; j < CHAIN; j++) {
                g[j] = (q[j - 1] * etaDot[j - 1] * etaDot[j - 1] - kT) / q[j];
            }
            etaDot[m] += g[m] * dt4;
            for (int j = m - 1; j >= 0; j--) {
                double e = Math.exp(-etaDot[j + 1] * dt8);
                etaDot[j] = (etaDot[j] * e + g[j] * dt4) * e;
            }
            double scale = Math.exp(-etaDot[0] * dt2);
            double kinetic2 = twiceKinetic * scale * scale;
            for (int j = 0; j < CHAIN; j++) {
                eta[j] += etaDot[j] * dt2;
            }
            g[0] = (kinetic2 - dof * kT) / q[0];
            for (int j = 0; j < m; j++) {
                double e = Math.exp(-etaDot[j + 1] * dt8);
                etaDot[j] = (etaDot[j] * e + g[j] * dt4) * e;
                g[j + 1] = (q[j] * etaDot[j] * etaDot[j] - kT) / q[j + 1];
            }
            etaDot[m] += g[m] * dt4;
            return scale;
        }

        double energy() {
            double e = dof * kT * eta[0];
            for (int j = 0; j < CHAIN; j++) {
                e += 0.5 * q[j] * etaDot[j] * etaDot[j];
                if (j > 0) {
                    e += kT * eta[j];
                }
            }
            return e;
        }
    }
}
