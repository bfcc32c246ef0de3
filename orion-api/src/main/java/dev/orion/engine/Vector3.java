package dev.orion.engine;

/**
 * A Cartesian 3-vector, e.g. a force in eV/Å.
 *
 * @param x x component
 * @param y y component
 * @param z z component
 */
public record Vector3(double x, double y, double z) {

    /** The zero vector. */
    public static final Vector3 ZERO = new Vector3(0, 0, 0);

    /** @param v three components  @return the vector */
    public static Vector3 of(double[] v) {
        if (v.length != 3) {
            throw new IllegalArgumentException("a Vector3 needs 3 components, got " + v.length);
        }
        return new Vector3(v[0], v[1], v[2]);
    }

    /** @return the Euclidean length */
    public double norm() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    /** @param i 0, 1 or 2  @return that component */
    public double get(int i) {
        switch (i) {
            case 0: return x;
            case 1: return y;
            case 2: return z;
            default: throw new IndexOutOfBoundsException("component must be 0..2, got " + i);
        }
    }
}
