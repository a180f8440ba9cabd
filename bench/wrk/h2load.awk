# Turns h2load's summary into the metrics JSON bench/run records (max latency in microseconds; h2load has no percentiles);
# errors are failed, errored and timed-out requests.
function micros(v) {
  if (v ~ /us$/) return v + 0
  if (v ~ /ms$/) return (v + 0) * 1000
  if (v ~ /s$/) return (v + 0) * 1000000
  return v + 0
}
/^finished in/ { sub(/,/, "", $4); rps = $4 }
/^requests:/ { errors = $10 + $12 + $14 }
/^time for request:/ { max = micros($5) }
END {
  if (rps != "") printf "{\"req_per_s\":%d,\"max_us\":%d,\"errors\":%d}\n", rps, max, errors
}
