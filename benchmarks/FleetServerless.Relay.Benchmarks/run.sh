#!/usr/bin/env bash
# Runs the relay polling benchmark: one miner alone, each fleet size in its own process, then the baseline of the
# 60-miner fleet polled one miner after another. Prints one line per measured cycle.
set -euo pipefail
cd "$(dirname "$0")/../.."
DELAY_MS="${DELAY_MS:-100}"
CYCLES="${CYCLES:-3}"

dotnet build -c Release tools/FleetServerless.Simulator >/dev/null
dotnet build -c Release benchmarks/FleetServerless.Relay.Benchmarks >/dev/null
SIM=tools/FleetServerless.Simulator/bin/Release/net10.0/fleet-simulator.dll
BENCH=benchmarks/FleetServerless.Relay.Benchmarks/bin/Release/net10.0/FleetServerless.Relay.Benchmarks.dll

single_output="$(dotnet "$BENCH" "$SIM" 1 "$DELAY_MS" 1 5 2>/dev/null)"
echo "$single_output"
single_ms="$(echo "$single_output" | sed -n 's/.*cycleMs=\([0-9]*\).*/\1/p' | sort -n | head -1)"

for miners in 60 600 6000; do
  parallel=64
  if [ "$miners" -eq 6000 ]; then parallel=512; fi
  dotnet "$BENCH" "$SIM" "$miners" "$DELAY_MS" "$parallel" "$CYCLES" "$single_ms" 2>/dev/null
done

dotnet "$BENCH" "$SIM" 60 "$DELAY_MS" 1 "$CYCLES" "$single_ms" 2>/dev/null
