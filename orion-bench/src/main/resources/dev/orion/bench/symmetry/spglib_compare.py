"""Compares ORION's answers with spglib's, for RandomCrystalsVsSpglib.

Usage: python3 spglib_compare.py CASES
Each line of CASES: symprec angle_tolerance orion_answer a(9 numbers) n (z x y z)*n.
Prints the agreement and every difference.
"""
import sys

import numpy as np
import spglib

rows = agree = 0
differences = []
for line in open(sys.argv[1]):
    f = line.split()
    symprec, angle, orion = float(f[0]), float(f[1]), f[2]
    lattice = np.array([float(x) for x in f[3:12]]).reshape(3, 3)
    n = int(f[12])
    values = f[13:]
    types = [int(values[4 * i]) for i in range(n)]
    positions = np.array([[float(values[4 * i + k]) for k in (1, 2, 3)] for i in range(n)])
    d = spglib.get_symmetry_dataset((lattice, positions, types), symprec=symprec, angle_tolerance=angle)
    reference = "ERR" if d is None else str(d["number"])
    rows += 1
    if reference == orion:
        agree += 1
    else:
        differences.append("symprec %.4g angle %.3g atoms %d: ORION %s, spglib %s" % (symprec, angle, n, orion, reference))
print("agreement %d/%d = %.2f%%" % (agree, rows, 100.0 * agree / rows))
for d in differences:
    print("difference:", d)
