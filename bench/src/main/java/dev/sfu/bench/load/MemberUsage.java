package dev.sfu.bench.load;

/** CPU (cores) and resident memory of one process over a measurement window; {@code label} names it. */
record MemberUsage(String label, long pid, double cores, long rssKb) {

    /** Null when the process could not be read at either end. */
    static MemberUsage between(String label, ProcessSample start, ProcessSample end) {
        if (start == null || end == null) {
            return null;
        }
        return new MemberUsage(label, end.pid(), end.coresSince(start), end.rssKb());
    }
}
