#!/usr/bin/env python3
"""Where the wasm's bytes went: per-function code sizes of two builds, largest change first.

Usage: python3 bench/wasm_functions.py OLD.wasm NEW.wasm [ROWS]

Compare `target/wasm32-unknown-unknown/release/perfil-cm.wasm` files (before wasm-bindgen and
wasm-opt, so function names are still there): copy the old one aside before building the new.
Sizes are of the function bodies before `wasm-opt -Oz`; brotli of the shipped file is what
BENCHMARKS.md reports, so use this to find the cause, and the bench to measure the effect.
"""

import collections
import re
import sys


def leb128(data, i):
    result = shift = 0
    while True:
        byte = data[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, i


def function_sizes(path):
    """Code bytes per function name, and the data section's size."""
    data = open(path, "rb").read()
    i, imported, bodies, names, data_size = 8, 0, [], {}, 0
    while i < len(data):
        section = data[i]
        size, i = leb128(data, i + 1)
        end = i + size
        if section == 2:  # imports: functions among them shift the function indices
            count, j = leb128(data, i)
            for _ in range(count):
                for _ in range(2):
                    length, j = leb128(data, j)
                    j += length
                kind = data[j]
                j += 1
                if kind == 0:
                    _, j = leb128(data, j)
                    imported += 1
                elif kind in (1, 2):
                    if kind == 1:
                        j += 1
                    flags = data[j]
                    _, j = leb128(data, j + 1)
                    if flags & 1:
                        _, j = leb128(data, j)
                elif kind == 3:
                    j += 2
        elif section == 10:
            count, j = leb128(data, i)
            for _ in range(count):
                length, j = leb128(data, j)
                bodies.append(length)
                j += length
        elif section == 11:
            data_size = size
        elif section == 0:
            length, j = leb128(data, i)
            if data[j : j + length] == b"name":
                j += length
                while j < end:
                    kind = data[j]
                    length, j = leb128(data, j + 1)
                    stop = j + length
                    if kind == 1:
                        count, j = leb128(data, j)
                        for _ in range(count):
                            index, j = leb128(data, j)
                            length, j = leb128(data, j)
                            names[index] = data[j : j + length].decode("utf8", "replace")
                            j += length
                    j = stop
        i = end
    sizes = collections.Counter()
    for k, length in enumerate(bodies):
        name = names.get(k + imported, f"?{k}")
        sizes[re.sub(r"17h[0-9a-f]{16}E$", "", name)] += length
    return sizes, data_size


def main():
    old, old_data = function_sizes(sys.argv[1])
    new, new_data = function_sizes(sys.argv[2])
    rows = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    print(f"code {sum(old.values())} -> {sum(new.values())}, data {old_data} -> {new_data}")
    changes = {name: new[name] - old[name] for name in set(old) | set(new)}
    for name, change in sorted(changes.items(), key=lambda item: -abs(item[1]))[:rows]:
        print(f"{change:+7d} {old[name]:7d} {new[name]:7d} {name[:140]}")


if __name__ == "__main__":
    main()
