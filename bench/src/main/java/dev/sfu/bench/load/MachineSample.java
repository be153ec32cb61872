package dev.sfu.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU from the first line of /proc/stat (busy and total jiffies over all cores) and the
 * 1-minute load average. Tells whether the cores were all in use (by the SFU, the tool, or anyone else).
 */
record MachineSample(long busyTicks, long totalTicks, double loadAverage) {

    /** Reads the machine now; null when /proc cannot be read. */
    static MachineSample read() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) total += Long.parseLong(cpu[i]); // user .. steal
            long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]); // idle + iowait
            double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
            return new MachineSample(total - idle, total, load);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Percentage of all cores busy between {@code earlier} and this reading. */
    double busyPercentSince(MachineSample earlier) {
        long total = totalTicks - earlier.totalTicks;
        return total <= 0 ? 0 : 100.0 * (busyTicks - earlier.busyTicks) / total;
    }
}
