package dev.sfu.bench.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ramp steps found in load-tool output files, grouped by scenario in the order first seen. A file may be a
 * steps file (one step object a line) or the tool's whole output (its step lines, or failing those the {@code ramp}
 * array of the last line); lines that are not JSON objects are skipped.
 */
final class RampSeries {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RampSeries() {
    }

    static Map<String, List<RampStep>> read(List<Path> files) throws IOException {
        Map<String, List<RampStep>> byScenario = new LinkedHashMap<>();
        for (Path file : files) {
            List<RampStep> steps = new ArrayList<>();
            List<RampStep> fromSummary = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.startsWith("{")) continue;
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    continue;
                }
                if (node.has("ramp")) {
                    fromSummary.clear();
                    for (JsonNode s : node.get("ramp")) fromSummary.add(RampStep.of(s, node.path("scenario").asText()));
                } else if (node.has("consumerStreams") && node.has("bottleneck")) {
                    steps.add(RampStep.of(node, "?"));
                }
            }
            for (RampStep s : steps.isEmpty() ? fromSummary : steps) {
                byScenario.computeIfAbsent(s.scenario(), k -> new ArrayList<>()).add(s);
            }
        }
        return byScenario;
    }
}
