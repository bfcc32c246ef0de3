"""Reads CIF files with gemmi as ORION's CifVsGemmi benchmark does with ORION: read + fill the unit cell.

usage: python3 gemmi_cif_throughput.py SECONDS FILE...
prints: files_per_second=<float> passes=<int> cpu_files_per_second=<float> (per second of CPU time)
"""
import sys
import time

import gemmi


def one_pass(files):
    sites = 0
    for f in files:
        st = gemmi.read_small_structure(f)
        sites += len(st.get_all_unit_cell_sites())
    return sites


def main():
    seconds = float(sys.argv[1])
    files = sys.argv[2:]
    one_pass(files)  # warm-up: imports, caches
    passes = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    while True:
        one_pass(files)
        passes += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            break
    cpu = time.process_time() - cpu_start
    print(f"files_per_second={passes * len(files) / elapsed:.3f} passes={passes} "
          f"cpu_files_per_second={passes * len(files) / cpu:.3f}")


if __name__ == "__main__":
    main()
