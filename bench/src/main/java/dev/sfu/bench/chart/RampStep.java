package dev.sfu.bench.chart;

import com.fasterxml.jackson.databind.JsonNode;

/** One measured ramp step, as the load tool writes it (a steps-file line or an element of {@code ramp}). */
record RampStep(String scenario, int consumerStreams, Double cpuCores, Double toolCpuCores, Double lossPct,
                Double p99Ms, Double streamsPerCore, boolean within, String bottleneck) {

    static RampStep of(JsonNode step, String scenarioFallback) {
        return new RampStep(step.path("scenario").asText(scenarioFallback), step.path("consumerStreams").asInt(),
                number(step, "cpuCores"), number(step, "toolCpuCores"), number(step, "lossPct"), number(step, "p99Ms"),
                number(step, "streamsPerCore"), step.path("within").asBoolean(false),
                step.path("bottleneck").asText("none"));
    }

    private static Double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isNumber() ? null : v.asDouble();
    }
}
