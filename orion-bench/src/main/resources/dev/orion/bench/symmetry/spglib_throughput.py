"""Throughput of spglib.get_symmetry_dataset over POSCAR files, for SymmetryVsSpglib.

Usage: python3 spglib_throughput.py SYMPREC SECONDS FILE...
Each file is parsed once (VASP 4 or 5, one atom type per count group, as the shared corpus's
reference answers were made); then the dataset of every file is computed in passes, a warm-up
of SECONDS first, then timed passes for at least SECONDS. Prints files_per_second=<value>.
"""
import sys
import time

import numpy as np
import spglib


def read_poscar(path):
    lines = [l for l in open(path).read().splitlines()]
    scale = float(lines[1].split()[0])
    lattice = np.array([[float(x) for x in lines[i].split()[:3]] for i in (2, 3, 4)]) * scale
    row = 5
    tokens = lines[row].split()
    if not all(t.lstrip('-').isdigit() for t in tokens):
        row += 1
        tokens = lines[row].split()
    counts = [int(t) for t in tokens]
    row += 1
    if lines[row].strip()[:1] in ('S', 's'):
        row += 1
    cartesian = lines[row].strip()[:1] in ('C', 'c', 'K', 'k')
    row += 1
    n = sum(counts)
    pos = np.array([[float(x) for x in lines[row + i].split()[:3]] for i in range(n)])
    if cartesian:
        pos = np.linalg.solve(lattice.T, (pos * scale).T).T
    types = [g + 1 for g, c in enumerate(counts) for _ in range(c)]
    return (lattice, pos, types)


def one_pass(cells, symprec):
    total = 0
    for cell in cells:
        d = spglib.get_symmetry_dataset(cell, symprec=symprec)
        total += d['number'] if d is not None else 0
    return total


def main():
    symprec = float(sys.argv[1])
    seconds = float(sys.argv[2])
    cells = [read_poscar(p) for p in sys.argv[3:]]
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        one_pass(cells, symprec)
    passes = 0
    start = time.perf_counter()
    while True:
        one_pass(cells, symprec)
        passes += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            break
    print("files_per_second=%.3f passes=%d" % (passes * len(cells) / elapsed, passes))


main()
