package dev.sfu.bench.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU ticks of the threads of one process whose name starts with a prefix, read from /proc/PID/task/TID/stat.
 * Two readings tell how busy the busiest such thread was: the SFU's media thread ("media-…") or the load tool's
 * receive event loops ("load-client-…"). A single-threaded loop near one core is saturated, whatever the process
 * total says. Thread names are cut to 15 characters by the kernel.
 */
record ThreadSample(long pid, String prefix, Map<Long, Long> ticksByThread, long atNanos) {

    /** Reads the matching threads now; an empty sample when the process or /proc cannot be read. */
    static ThreadSample read(long pid, String prefix) {
        long now = System.nanoTime();
        Map<Long, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (!name.startsWith(prefix)) continue;
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
                    ticks.put(Long.parseLong(task.getFileName().toString()),
                            Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (IOException | RuntimeException e) {
                    // the thread ended between listing and reading
                }
            }
        } catch (IOException | RuntimeException e) {
            return new ThreadSample(pid, prefix, Map.of(), now);
        }
        return new ThreadSample(pid, prefix, Map.copyOf(ticks), now);
    }

    /** Cores used by the busiest matching thread since {@code earlier} (0 when none matched in both). */
    double busiestCoresSince(ThreadSample earlier) {
        double seconds = (atNanos - earlier.atNanos) / 1e9;
        if (seconds <= 0) return 0;
        long max = 0;
        for (Map.Entry<Long, Long> e : ticksByThread.entrySet()) {
            Long before = earlier.ticksByThread.get(e.getKey());
            if (before != null) max = Math.max(max, e.getValue() - before);
        }
        return max / (double) ProcessSample.TICKS_PER_SECOND / seconds;
    }
}
