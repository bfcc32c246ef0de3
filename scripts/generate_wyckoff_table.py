#!/usr/bin/python3
"""Regenerates ORION's table of Wyckoff positions of the 230 default settings.

Run once by hand (not at build time) with Debian's python3-spglib:
    apt-get install -y python3-spglib
    /usr/bin/python3 scripts/generate_wyckoff_table.py

spglib does not publish its Wyckoff database through Python, so this script asks it: for each
default Hall setting it finds every distinct site-symmetry group among the points of a 1/24 grid,
places one orbit of "probe" atoms at such a point next to two orbits of atoms at general positions
(which keep the group exactly the tabulated one), and records the Wyckoff letter, multiplicity and
site-symmetry symbol spglib gives the probe, with one probe position in spglib's standardised
cell. Every setting must come out with contiguous letters a, b, c, ... (the last one the general
position), or the script fails.

Writes orion-core/src/main/resources/dev/orion/analysis/symmetry/wyckoff-positions.tsv:
    hall_number  letter  multiplicity  site_symmetry  x  y  z
(x, y, z: a point of that Wyckoff position in the standard setting, multiples of 1/48).
"""
import os
import sys
from fractions import Fraction

import numpy as np
import spglib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "orion-core/src/main/resources/dev/orion/analysis/symmetry/wyckoff-positions.tsv")
LETTERS = "abcdefghijklmnopqrstuvwxyzA"


def default_hall_numbers():
    seen = {}
    for hall in range(1, 531):
        t = spglib.get_spacegroup_type(hall)
        seen.setdefault(t["number"], hall)
    return [seen[n] for n in range(1, 231)]


def lattice(number):
    a, b, c = 4.1, 5.3, 6.7
    if number <= 2:
        return lattice_from(a, b, c, 83.0, 97.0, 104.0)
    if number <= 15:
        return lattice_from(a, b, c, 90, 104.0, 90)
    if number <= 74:
        return lattice_from(a, b, c, 90, 90, 90)
    if number <= 142:
        return lattice_from(a, a, c, 90, 90, 90)
    if number <= 194:
        return lattice_from(a, a, c, 90, 90, 120)
    return lattice_from(a, a, a, 90, 90, 90)


def lattice_from(a, b, c, alpha, beta, gamma):
    al, be, ga = np.radians([alpha, beta, gamma])
    cx = c * np.cos(be)
    cy = c * (np.cos(al) - np.cos(be) * np.cos(ga)) / np.sin(ga)
    return np.array([[a, 0, 0], [b * np.cos(ga), b * np.sin(ga), 0], [cx, cy, np.sqrt(c * c - cx * cx - cy * cy)]])


def orbit(rots, trans, x):
    pts = []
    for r, t in zip(rots, trans):
        y = (r @ x + t) % 1.0
        if not any(np.allclose(((y - p) + 0.5) % 1.0 - 0.5, 0, atol=1e-8) for p in pts):
            pts.append(y)
    return pts


def main():
    grid = np.array([[i, j, k] for i in range(24) for j in range(24) for k in range(24)], dtype=float) / 24
    rows = []
    for hall in default_hall_numbers():
        sym = spglib.get_symmetry_from_database(hall)
        rots, trans = sym["rotations"], sym["translations"]
        number = spglib.get_spacegroup_type(hall)["number"]
        # site-symmetry group of every grid point: the operations that fix it, with the exact
        # translations that do (so the eight inversion centres of P-1 differ)
        fixed = []
        shifts = []
        for r, t in zip(rots, trans):
            d = grid @ r.T + t - grid
            fixed.append(np.all(np.abs(d - np.rint(d)) < 1e-8, axis=1))
            shifts.append(np.rint(d).astype(int))
        fixed = np.array(fixed)
        shifts = np.array(shifts)

        def key(idx):
            ops = np.nonzero(fixed[:, idx])[0]
            return tuple(ops.tolist()) + tuple(shifts[ops, idx].ravel().tolist())

        def grid_index(y):
            g = np.rint(((y % 1.0) * 24)).astype(int) % 24
            return g[0] * 576 + g[1] * 24 + g[2]

        keys = {}
        done = set()
        for idx in range(len(grid)):
            k = key(idx)
            if k in done:
                continue
            keys[k] = idx
            for r, t in zip(rots, trans):
                done.add(key(grid_index(r @ grid[idx] + t)))
        lat = lattice(number)
        pins = [np.array([0.1123, 0.2347, 0.3571]), np.array([0.6719, 0.5431, 0.8237])]
        found = {}
        for idx in keys.values():
            probe = grid[idx]
            pos, types = [], []
            for ty, x in ((1, pins[0]), (3, pins[1]), (2, probe)):
                for p in orbit(rots, trans, x):
                    pos.append(p)
                    types.append(ty)
            ds = spglib.get_symmetry_dataset((lat, np.array(pos), types), symprec=1e-5)
            if ds is None or ds["number"] != number or ds["hall_number"] != hall:
                sys.exit("hall %d: probe %s gave %s" % (hall, probe, None if ds is None else ds["number"]))
            i = types.index(2)
            letter = ds["wyckoffs"][i]
            if letter in found:
                continue
            std_types = list(ds["std_types"])
            std = ds["std_positions"][std_types.index(2)]
            mult = std_types.count(2)
            found[letter] = (mult, ds["site_symmetry_symbols"][i].replace(" ", ""),
                             [Fraction(round(v * 48) % 48, 48) for v in std])
        letters = sorted(found, key=LETTERS.index)
        if "".join(letters) != LETTERS[:len(letters)]:
            sys.exit("hall %d: letters not contiguous: %s" % (hall, letters))
        for letter in letters:
            mult, site, x = found[letter]
            rows.append("%d\t%s\t%d\t%s\t%s\t%s\t%s" % (hall, letter, mult, site, *[str(f) for f in x]))
        print(hall, number, "".join(letters), file=sys.stderr)
    with open(OUT, "w") as f:
        f.write("# generated by scripts/generate_wyckoff_table.py from spglib %s\n" % spglib.__version__)
        f.write("#hall_number\tletter\tmultiplicity\tsite_symmetry\tx\ty\tz\n")
        f.write("\n".join(rows) + "\n")


main()
