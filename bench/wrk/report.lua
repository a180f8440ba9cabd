-- Prints wrk's figures as one JSON object on a line starting with "WRK_JSON ", for bench/run to
-- wrap into a result record. Latencies in microseconds; errors are socket errors plus non-2xx/3xx.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"req_per_s":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,"errors":%d}\n',
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), latency.max,
    e.connect + e.read + e.write + e.timeout + e.status))
end
