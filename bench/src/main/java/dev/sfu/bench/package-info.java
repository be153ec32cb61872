/**
 * JMH micro-benchmarks of the media hot path: SRTP on its own ({@link dev.sfu.bench.SrtpBenchmark}), one packet
 * fanned out through the real Router/Transport/Producer/Consumer ({@link dev.sfu.bench.FanOutBenchmark}) and the
 * same fan-out by a forwarder with no SFU logic ({@link dev.sfu.bench.MinimalForwarderBenchmark}), so the SFU's
 * cost can be stated as a ratio. Sockets are left out on purpose: the load tool measures them.
 *
 * <p>Build and run: {@code mvn -q -pl bench -am package -DskipTests && java -jar bench/target/sfu-bench.jar}.
 * See {@code docs/benchmarks.md}.
 */
package dev.sfu.bench;
