package dev.sfu.bench.chart;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapacityChartTest {

    private static String step(String scenario, int streams, double cores, double p99, boolean within, String limit) {
        return String.format(java.util.Locale.ROOT, "{\"scenario\":\"%s\",\"subscribers\":%d,\"consumerStreams\":%d,"
                        + "\"lossPct\":0.1,\"p50Ms\":1.0,\"p99Ms\":%s,\"cpuCores\":%s,\"streamsPerCore\":%s,"
                        + "\"toolCpuCores\":0.5,\"within\":%s,\"bottleneck\":\"%s\"}", scenario, streams / 2, streams,
                p99, cores, streams / cores, within, limit);
    }

    @Test
    void readsStepLinesAndFallsBackToTheSummarysRampArray(@TempDir Path dir) throws Exception {
        Path steps = dir.resolve("fanout.jsonl");
        Files.writeString(steps, "load: progress line\n" + step("fanout", 100, 0.2, 3, true, "none") + "\n"
                + step("fanout", 200, 0.4, 30, false, "sfu") + "\n{\"scenario\":\"fanout\",\"ramp\":[]}\n");
        Path summaryOnly = dir.resolve("cross.out");
        Files.writeString(summaryOnly, "{\"scenario\":\"fanout-cross\",\"ramp\":[" + step("fanout-cross", 100, 0.3, 4,
                true, "none") + "]}\n");

        Map<String, List<RampStep>> series = RampSeries.read(List.of(steps, summaryOnly));

        assertEquals(List.of("fanout", "fanout-cross"), List.copyOf(series.keySet()));
        assertEquals(2, series.get("fanout").size(), "step lines win over the summary's ramp array");
        assertEquals(1, series.get("fanout-cross").size());
        assertEquals("sfu", series.get("fanout").get(1).bottleneck());
    }

    @Test
    void drawsWellFormedSvgWithALinePerScenarioAndTheCapacityInTheLegend(@TempDir Path dir) throws Exception {
        Path steps = dir.resolve("steps.jsonl");
        Files.writeString(steps, String.join("\n", step("fanout", 100, 0.2, 3, true, "none"),
                step("fanout", 200, 0.4, 8, true, "none"), step("fanout", 400, 0.9, 45, false, "machine"),
                step("fanout-cross", 100, 0.25, 4, true, "none"), step("fanout-cross", 200, 0.5, 30, false,
                        "load-tool")) + "\n");
        Path out = dir.resolve("chart.svg");

        CapacityChart.main(new String[] {out.toString(), "--title", "t", "--note", "n <&>", steps.toString()});

        String svg = Files.readString(out);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        // cpu (solid + dashed tool), per core, p99, loss: five paths per scenario
        assertEquals(10, doc.getElementsByTagName("path").getLength());
        assertTrue(svg.contains("capacity 200 streams at 0.4 SFU cores (500 per core); ended at 400 streams"
                + " (machine saturated)"), svg);
        assertTrue(svg.contains("ended at 200 streams (load-tool saturated)"), svg);
        assertTrue(svg.contains("n &lt;&amp;&gt;"));
    }

    @Test
    void roundsAxesUpToAMultipleOfAOneTwoOrFiveStep() {
        assertEquals(500, SvgPanel.niceCeiling(430));
        assertEquals(1.5, SvgPanel.niceCeiling(1.13), 1e-9);    // a multiple of the 0.5 step
        assertEquals(1, SvgPanel.niceCeiling(0));
    }
}
