package dev.sfu.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One reading of a process from /proc: CPU time used so far (utime + stime of /proc/PID/stat, in clock ticks) and
 * resident memory (VmRSS of /proc/PID/status). Two readings give cores used in between.
 */
record ProcessSample(long pid, long cpuTicks, long rssKb, long atNanos) {
    /** USER_HZ: 100 on every mainstream Linux; `getconf CLK_TCK` when it answers. */
    static final long TICKS_PER_SECOND = ticksPerSecond();

    /** Reads the process now; null when it does not exist (any more) or /proc cannot be read. */
    static ProcessSample read(long pid) {
        long now = System.nanoTime();
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15: utime, stime
            return new ProcessSample(pid, ticks, rssKb(pid), now);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Cores used between {@code earlier} and this reading. */
    double coresSince(ProcessSample earlier) {
        double seconds = (atNanos - earlier.atNanos) / 1e9;
        return seconds <= 0 ? 0 : (cpuTicks - earlier.cpuTicks) / (double) TICKS_PER_SECOND / seconds;
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    private static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
