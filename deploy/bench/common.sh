# Plumbing the benchmark scripts share (sourced, not run): ports, the PostgreSQL superuser, the machine's load.
# Expects PGHOST, PGPORT and PGSUPERUSER to be set.

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

port_holder() { # pid(s) listening on a TCP port, when ss can tell (empty otherwise)
  command -v ss >/dev/null || return 0
  ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u | paste -sd, - || true
}

# SQL on stdin, run as the PostgreSQL superuser in database $1: over TCP when it lets us in, else with peer
# authentication over the local socket (as deploy/postgres.sh does).
superuser_sql() {
  local opts=(-X -q -A -t -v ON_ERROR_STOP=1 -d "$1")
  if psql -h "$PGHOST" -p "$PGPORT" -U "$PGSUPERUSER" -w "${opts[@]}" -c 'select 1' >/dev/null 2>&1; then
    psql -h "$PGHOST" -p "$PGPORT" -U "$PGSUPERUSER" -w "${opts[@]}"
  elif ((EUID == 0)); then
    su "$PGSUPERUSER" -c "$(printf '%q ' env -u PGHOST psql -p "$PGPORT" "${opts[@]}")"
  else
    sudo -u "$PGSUPERUSER" env -u PGHOST psql -p "$PGPORT" "${opts[@]}"
  fi
}

cpu_busy() { # percent of all cores busy over 2 s, from /proc/stat
  local a b
  a=$(head -1 /proc/stat); sleep 2; b=$(head -1 /proc/stat)
  awk -v a="$a" -v b="$b" 'BEGIN { n = split(a, x); split(b, y)
    for (i = 2; i <= n; i++) { t += y[i] - x[i]; if (i == 5 || i == 6) idle += y[i] - x[i] }
    printf "%d", t ? 100 * (t - idle) / t : 0 }'
}

live_heap_kb() { # pid: the heap still live after a full GC, in KiB
  jcmd "$1" GC.run >/dev/null
  jcmd "$1" GC.heap_info | awk '/total/ && /used/ && !/Metaspace|class space/ {
    for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); total += v } }
    END { printf "%d", total }'
}
