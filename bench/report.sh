#!/usr/bin/env bash
# Turns a JMH JSON result file (java -jar bench/target/sfu-bench.jar ... -rf json -rff FILE) into the markdown
# tables of docs/benchmarks.md. Ratios (GCM/CM, FanOut/MinimalForwarder) come from one file, i.e. one run.
#   wall: JMH's score, mean ± its 99.9% error; a ratio's error adds relative errors in quadrature (rough).
#   cpu:  thread CPU time per op (aux counters cpuNanos / cpuOps, summed over the measurement iterations; no
#         error bar). Unlike wall time it leaves out the time the thread waited for a core on a loaded machine.
#   alloc: gc.alloc.rate.norm (bytes allocated per op, needs -prof gc); includes the per-invocation setup.
set -euo pipefail
file="${1:?usage: bench/report.sh RESULTS.json}"

jq -r '
  def num: if . == null or type == "string" or (. | isnan) then "–" elif . >= 100 then (. | round | tostring)
           else ((. * 100 | round) / 100 | tostring) end;
  def wall: "\(.primaryMetric.score | num) ± \(.primaryMetric.scoreError | num)";
  def cpuv: if .secondaryMetrics.cpuOps then .secondaryMetrics.cpuNanos.score / .secondaryMetrics.cpuOps.score
            else null end;
  def cpu: cpuv | num;
  def alloc: (.secondaryMetrics["gc.alloc.rate.norm"].score // null) | num;
  def err: if type == "string" then null else . end;
  def wallratio(a; b): (a.primaryMetric.score / b.primaryMetric.score) as $r
    | (if (a.primaryMetric.scoreError | err) and (b.primaryMetric.scoreError | err) then
         (a.primaryMetric.scoreError / a.primaryMetric.score) as $x | (b.primaryMetric.scoreError / b.primaryMetric.score) as $y
         | $r * ($x * $x + $y * $y | sqrt)
       else null end) as $e
    | "\($r | num) ± \($e | num)";
  def cpuratio(a; b): if (a | cpuv) and (b | cpuv) then (a | cpuv) / (b | cpuv) | num else "–" end;
  def short: .benchmark | split(".") | last;
  def opt(x; f): if x then (x | f) else "–" end;

  . as $all
  | ($all | map(select(.benchmark | test("SrtpBenchmark\\.(un)?protect$")))) as $srtp
  | ($all | map(select(.benchmark | endswith("FanOutBenchmark.fanOut")))) as $fan
  | ($all | map(select(.benchmark | endswith("MinimalForwarderBenchmark.forward")))) as $min
  | (if ($srtp | length) > 0 then
      "#### SRTP: one RTP packet per op, ns/op",
      "",
      "| op | AES | payload B | CM wall | CM cpu | GCM wall | GCM cpu | GCM/CM wall | GCM/CM cpu | CM alloc B/op | GCM alloc B/op |",
      "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
      ($srtp | map(select(.params.profile == "AES128_CM_HMAC_SHA1_80"))
        | sort_by(short, (.params.aes // ""), (.params.payloadSize | tonumber))[]
        | . as $cm
        | ($srtp | map(select(.params.profile == "AEAD_AES_128_GCM" and .params.payloadSize == $cm.params.payloadSize
                              and .params.aes == $cm.params.aes and short == ($cm | short))) | first) as $gcm
        | "| \($cm | short) | \($cm.params.aes // "SunJCE") | \($cm.params.payloadSize) | \($cm | wall) | \($cm | cpu) | \(opt($gcm; wall)) | \(opt($gcm; cpu)) | \(if $gcm then wallratio($gcm; $cm) else "–" end) | \(if $gcm then cpuratio($gcm; $cm) else "–" end) | \($cm | alloc) | \(opt($gcm; alloc)) |"),
      ""
    else empty end),
    (if ($fan | length) > 0 then
      "#### FanOut vs MinimalForwarder: one incoming packet per op, ns/op",
      "",
      "Efficiency = Minimal cpu / FanOut cpu: how much of the minimal forwarder throughput per core the SFU path reaches (target ≥ 70 %).",
      "",
      "| stream | profile | AES | N | FanOut wall | FanOut cpu | Minimal wall | Minimal cpu | FanOut/Minimal wall | FanOut/Minimal cpu | efficiency |",
      "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
      ($fan | sort_by(.params.stream, .params.profile, (.params.aes // ""), (.params.consumers | tonumber))[]
        | . as $f | ($min | map(select(.params == $f.params)) | first) as $m
        | "| \($f.params.stream) | \($f.params.profile) | \($f.params.aes // "SunJCE") | \($f.params.consumers) | \($f | wall) | \($f | cpu) | \(opt($m; wall)) | \(opt($m; cpu)) | \(if $m then wallratio($f; $m) else "–" end) | \(if $m then cpuratio($f; $m) else "–" end) | \(if $m and ($m | cpuv) and ($f | cpuv) then "\(($m | cpuv) / ($f | cpuv) * 100 | round) %" else "–" end) |"),
      "",
      (if ($fan | map(.params.aes) | unique | length) > 1 then
        "#### AES backend side by side (same run): CPU ns per incoming packet and bytes allocated per incoming packet",
        "",
        "| bench | stream | N | SunJCE cpu | OpenSSL cpu | OpenSSL/SunJCE cpu | SunJCE alloc B | OpenSSL alloc B |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
        (($fan + $min) | map(select(.params.aes == "SunJCE"))
          | sort_by(short, .params.stream, (.params.consumers | tonumber))[]
          | . as $s | (($fan + $min) | map(select(short == ($s | short) and .params == ($s.params + {aes: "OpenSSL"}))) | first) as $o
          | "| \($s | short) | \($s.params.stream) | \($s.params.consumers) | \($s | cpu) | \(opt($o; cpu)) | \(if $o then cpuratio($o; $s) else "–" end) | \($s | alloc) | \(opt($o; alloc)) |")
      else empty end),
      "",
      "#### Per delivered packet (ns) and allocation (bytes per incoming packet)",
      "",
      "| stream | profile | AES | N | FanOut wall ns/delivered | FanOut cpu ns/delivered | Minimal cpu ns/delivered | FanOut alloc B/op | Minimal alloc B/op |",
      "|---|---|---|---:|---:|---:|---:|---:|---:|",
      ($fan | sort_by(.params.stream, .params.profile, (.params.aes // ""), (.params.consumers | tonumber))[]
        | . as $f | ($min | map(select(.params == $f.params)) | first) as $m | ($f.params.consumers | tonumber) as $n
        | "| \($f.params.stream) | \($f.params.profile) | \($f.params.aes // "SunJCE") | \($n) | \($f.secondaryMetrics.packets.score | num) ± \($f.secondaryMetrics.packets.scoreError | num) | \(($f | cpuv) as $c | if $c then $c / $n | num else "–" end) | \(if $m then (($m | cpuv) as $c | if $c then $c / $n | num else "–" end) else "–" end) | \($f | alloc) | \(opt($m; alloc)) |"),
      ""
    else empty end)
' "$file"
