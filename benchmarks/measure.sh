# Sourced by compare.sh and paired.sh: one timed run, and a quantile of a column of runs. Both scripts set `work`, a
# directory for GNU time's output, before they measure.

# One run of "$@": "wall-µs cpu-ms peak-KiB exit-status", its output thrown away. CPU time (user + system) says more
# than wall time on a machine shared with other work. In a subshell, `times` reports the CPU time of that subshell's
# children: the command alone, to the millisecond.
measure_once() {
  local start end cpu
  start=$(date +%s%N)
  cpu=$(/usr/bin/time -f '%M %x' -o "$work/rss" "$@" >/dev/null 2>&1; times)
  end=$(date +%s%N)
  echo "$(((end - start) / 1000)) $(echo "$cpu" | tail -1 | awk '{ n = 0; for (i = 1; i <= 2; i++) { split($i, p, /[ms]/); n += p[1] * 60 + p[2] } printf "%.1f", n * 1000 }') $(tail -1 "$work/rss")"
}

# The value at a fraction of the sorted column read from standard input (0.5: the median, the two middle ones averaged
# when they are an even number), interpolated between neighbours.
quantile() {
  sort -n | awk -v q="$1" '{ v[NR] = $1 } END { x = 1 + (NR - 1) * q; i = int(x); f = x - i; printf "%.3f", (i < NR) ? v[i] + f * (v[i + 1] - v[i]) : v[i] }'
}
