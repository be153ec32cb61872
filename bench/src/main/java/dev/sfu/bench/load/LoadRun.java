package dev.sfu.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The load tool's core: starts the publishers of a {@link LoadPlan} on the first target, adds subscribers step by
 * step where the placement says, measures each step for {@code seconds} and returns the steps' figures. Talks to
 * the cluster only through its HTTP API and media ports; reads member CPU and memory from /proc.
 */
public final class LoadRun {
    /** The SFU member's one media thread (Netty names it media-N-1). */
    private static final String SFU_MEDIA_THREAD = "media-";
    /** Every thread of the tool's own (event loops, pacer, DTLS): see {@link ClientResources}. */
    private static final String TOOL_THREADS = "load-";
    private final LoadPlan plan;
    private final List<String> targets;
    private final List<Long> serverPids;
    private final int clientThreads;
    private final Duration timeout;
    private final PrintStream progress;

    private final List<Publisher> publishers = new ArrayList<>();
    private final List<Subscriber> subscribers = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> failures = new TreeMap<>();
    private MediaParameters media;

    /**
     * @param targets    HTTP base URLs of members ("http://127.0.0.1:3001"); publishers use the first
     * @param serverPids process ids of the members, in the order of {@code targets} where known
     */
    LoadRun(LoadPlan plan, List<String> targets, List<Long> serverPids, int clientThreads, Duration timeout,
            PrintStream progress) {
        this.targets = targets.stream().map(t -> t.endsWith("/") ? t.substring(0, t.length() - 1) : t)
                .distinct().toList();
        if (this.targets.isEmpty()) throw new IllegalArgumentException("--target: at least one member URL");
        if (plan.placement() == Placement.OTHER && this.targets.size() < 2) {
            throw new IllegalArgumentException("--placement other needs at least two --target members");
        }
        this.plan = plan;
        this.serverPids = List.copyOf(serverPids);
        this.clientThreads = clientThreads;
        this.timeout = timeout;
        this.progress = progress;
    }

    /** Runs the plan; every client is closed when it returns. */
    List<StepResult> run() throws Exception {
        List<StepResult> steps = new ArrayList<>();
        try (ClientResources resources = new ClientResources(clientThreads, timeout)) {
            try {
                media = new MediaParameters(resources.signaling().routerRtpCapabilities(targets.get(0), plan.room()));
                startPublishers(resources);
                for (int count : plan.subscriberSteps()) {
                    StepResult step = runStep(resources, count);
                    report(step);
                    // On a shared machine one window can catch someone else's burst: measure the same subscribers
                    // again before calling the step over the limits (never when joins failed: that is no noise).
                    for (int retry = 0; plan.ramp() && retry < plan.rampRetries() && step.joinFailures().isEmpty()
                            && !step.within(plan.maxLossPercent(), plan.maxP99Millis()); retry++) {
                        say("step of %d subscribers over the limits: measuring it again (%d of %d)", count, retry + 1,
                                plan.rampRetries());
                        step = runStep(resources, count);
                        report(step);
                    }
                    steps.add(step);
                    if (plan.ramp() && !step.within(plan.maxLossPercent(), plan.maxP99Millis())) {
                        say("step of %d subscribers is over the limits (loss %.2f %% [max %.2f], p99 %.1f ms [max %.1f],"
                                + " %d failed joins, %d silent): ramp ends", count, step.window().lossPercent(),
                                plan.maxLossPercent(), step.window().latency().percentileMicros(0.99) / 1e3,
                                plan.maxP99Millis(), step.joinFailures().values().stream().mapToInt(i -> i).sum(),
                                step.silentSubscribers());
                        break;
                    }
                }
            } finally {
                closeAll();
            }
        }
        return steps;
    }

    private void startPublishers(ClientResources resources) throws Exception {
        for (int i = 0; i < plan.publishers(); i++) {
            Publisher publisher = Publisher.join(resources, targets.get(0), plan.room(), media, plan, i);
            publishers.add(publisher);
            publisher.start();
        }
        say("%d publisher(s) sending on %s (member %s), video %d kbit/s at %d fps + audio %d kbit/s each",
                publishers.size(), targets.get(0), publishers.get(0).node(), plan.videoBitrateBps() / 1000,
                VideoSource.FRAMES_PER_SECOND, plan.audioBitrateBps() / 1000);
    }

    private StepResult runStep(ClientResources resources, int count) throws InterruptedException {
        int before = subscribers.size();
        LatencyHistogram signalingBefore = resources.signaling().roundTrips();
        synchronized (failures) {
            failures.clear();
        }
        List<Subscriber> joined = joinSubscribers(resources, before, count);
        LatencyHistogram signaling = resources.signaling().roundTrips().minus(signalingBefore);
        if (subscribers.isEmpty()) {
            say("no subscriber joined: nothing to measure");
        } else {
            Thread.sleep(plan.settleSeconds() * 1000L);
        }

        List<ProcessSample> serverStart = sampleServers();
        List<ThreadSample> mediaThreadsStart = sampleMediaThreads();
        ProcessSample toolStart = ProcessSample.read(ProcessHandle.current().pid());
        ThreadSample toolThreadsStart = ThreadSample.read(ProcessHandle.current().pid(), TOOL_THREADS);
        MachineSample machineStart = MachineSample.read();
        ReceiveTotals start = totals();
        long windowStart = System.nanoTime();
        Thread.sleep(subscribers.isEmpty() ? 0 : plan.seconds() * 1000L);
        ReceiveTotals end = totals();
        double windowSeconds = (System.nanoTime() - windowStart) / 1e9;
        List<ProcessSample> serverEnd = sampleServers();
        List<ThreadSample> mediaThreadsEnd = sampleMediaThreads();
        ProcessSample toolEnd = ProcessSample.read(ProcessHandle.current().pid());
        ThreadSample toolThreadsEnd = ThreadSample.read(ProcessHandle.current().pid(), TOOL_THREADS);
        MachineSample machineEnd = MachineSample.read();
        double mediaThreadCores = 0;
        for (int i = 0; i < mediaThreadsEnd.size(); i++) {
            mediaThreadCores = Math.max(mediaThreadCores, mediaThreadsEnd.get(i).busiestCoresSince(mediaThreadsStart.get(i)));
        }
        Saturation saturation = new Saturation(toolThreadsEnd.busiestCoresSince(toolThreadsStart), mediaThreadCores,
                machineStart == null || machineEnd == null ? 0 : machineEnd.busyPercentSince(machineStart),
                machineEnd == null ? 0 : machineEnd.loadAverage());

        List<MemberUsage> members = new ArrayList<>();
        for (int i = 0; i < serverPids.size(); i++) {
            String label = i < targets.size() && serverPids.size() == targets.size() ? targets.get(i)
                    : "pid " + serverPids.get(i);
            MemberUsage usage = MemberUsage.between(label, serverStart.get(i), serverEnd.get(i));
            if (usage != null) members.add(usage);
        }
        List<Double> connect = new ArrayList<>();
        List<Double> firstPacket = new ArrayList<>();
        int silent = 0;
        for (Subscriber s : joined) {
            connect.add(s.connectMillis());
            double first = s.firstPacketMillis();
            if (first < 0) silent++;
            else firstPacket.add(first);
        }
        Map<String, Integer> stepFailures;
        synchronized (failures) {
            stepFailures = new TreeMap<>(failures);
        }
        int total = subscribers.size();
        return new StepResult(count, total, streamsOf(total), windowSeconds, end.minus(start), stepFailures,
                connect, firstPacket, silent, signaling, members, MemberUsage.between("load tool", toolStart, toolEnd),
                saturation);
    }

    /** Joins subscribers number {@code from} to {@code to - 1}; returns those that joined. */
    private List<Subscriber> joinSubscribers(ClientResources resources, int from, int to) throws InterruptedException {
        int n = to - from;
        if (n <= 0) {
            return List.of();
        }
        say("joining %d subscriber(s) (%s placement%s) ...", n, plan.placement().wireName(),
                plan.joinSpreadSeconds() > 0 ? ", spread over " + plan.joinSpreadSeconds() + " s" : "");
        List<Subscriber> joined = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, plan.joinSpreadSeconds() > 0 ? Math.min(n, 64)
                : plan.joinConcurrency()));
        List<String> producerIds = publishers.stream().flatMap(p -> p.producerIds().stream()).toList();
        JsonNode caps = media.receiveCapabilities();
        long startNanos = System.nanoTime();
        List<CompletableFuture<Void>> joins = new ArrayList<>();
        try {
            for (int k = from; k < to; k++) {
                int index = k;
                long dueNanos = startNanos + (long) (plan.joinSpreadSeconds() * 1e9 * (k - from) / n);
                joins.add(CompletableFuture.runAsync(() -> {
                    waitUntil(dueNanos);
                    join(resources, index, producerIds, caps, joined);
                }, pool));
            }
            CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        say("%d of %d joined in %.1f s", joined.size(), n, (System.nanoTime() - startNanos) / 1e9);
        return joined;
    }

    private List<String> otherMembers;

    private synchronized List<String> otherMembers(ClientResources resources, String publisherMember) {
        if (otherMembers == null) {
            otherMembers = resources.signaling().upMembers(targets.get(0)).stream()
                    .filter(id -> !id.equals(publisherMember)).toList();
            if (otherMembers.isEmpty()) {
                throw new IllegalStateException("placement other: no Up member besides the publisher's member " + publisherMember);
            }
        }
        return otherMembers;
    }

    private void join(ClientResources resources, int index, List<String> producerIds, JsonNode caps,
                      List<Subscriber> joined) {
        Publisher home = publishers.get(0);
        Subscriber subscriber = new Subscriber(plan.checksumEvery());
        try {
            String url;
            String node = null;
            String hint = null;
            switch (plan.placement()) {
                case SAME -> {
                    url = home.url();
                    node = home.node();
                }
                case OTHER -> {
                    // Ask for a member other than the publisher's by name (the request itself may go to any target).
                    List<String> others = otherMembers(resources, home.node());
                    url = targets.get(index % targets.size());
                    node = others.get(index % others.size());
                }
                default -> {
                    url = targets.get(index % targets.size());
                    hint = home.videoProducerId();
                }
            }
            subscriber.join(resources, url, plan.room(), node, hint, producerIds, caps);
            if (plan.placement() == Placement.OTHER && home.node().equals(subscriber.node())) {
                throw new IllegalStateException("placement other: the receive transport landed on the publisher's"
                        + " member " + home.node());
            }
            subscribers.add(subscriber);
            joined.add(subscriber);
        } catch (Exception e) {
            subscriber.close();
            String message = e instanceof SignalingException ? e.getMessage() : e.toString();
            synchronized (failures) {
                failures.merge(message, 1, Integer::sum);
            }
        }
    }

    private ReceiveTotals totals() {
        ReceiveTotals sum = ReceiveTotals.empty();
        synchronized (subscribers) {
            for (Subscriber s : subscribers) {
                sum = sum.plus(s.totals());
            }
        }
        return sum;
    }

    private List<ThreadSample> sampleMediaThreads() {
        List<ThreadSample> samples = new ArrayList<>();
        for (long pid : serverPids) samples.add(ThreadSample.read(pid, SFU_MEDIA_THREAD));
        return samples;
    }

    private List<ProcessSample> sampleServers() {
        List<ProcessSample> samples = new ArrayList<>();
        for (long pid : serverPids) samples.add(ProcessSample.read(pid));
        return samples;
    }

    private int streamsOf(int subscriberCount) {
        return plan.consumerStreams(subscriberCount);
    }

    private void report(StepResult step) {
        ReceiveTotals w = step.window();
        LatencyHistogram l = w.latency();
        say("%d subscribers (%d consumer streams): %d packets in %.1f s, loss %.3f %%, latency p50 %.2f p99 %.2f"
                        + " max %.2f ms, checksums %d ok %d bad, server %s cores, tool %s cores",
                step.joined(), step.consumerStreams(), w.received(), step.windowSeconds(), w.lossPercent(),
                l.percentileMicros(0.5) / 1e3, l.percentileMicros(0.99) / 1e3, l.maxMicros() / 1e3,
                w.checksumsVerified(), w.checksumFailures(),
                step.serverCores() == null ? "?" : String.format("%.2f", step.serverCores()),
                step.tool() == null ? "?" : String.format("%.2f", step.tool().cores()));
        Saturation sat = step.saturation();
        say("  busiest SFU media thread %.2f cores, busiest tool thread %.2f cores, machine %.0f %% busy (load %.1f):"
                + " %s", sat.sfuMediaThreadCores(), sat.toolLoopCores(), sat.machineBusyPercent(), sat.loadAverage(),
                sat.bottleneck() == Bottleneck.NONE ? "nothing saturated" : sat.bottleneck().wireName() + " saturated");
        progress.println(ResultJson.step(plan, step));
        step.joinFailures().forEach((message, n) -> say("  %d join(s) failed: %s", n, message));
        if (step.silentSubscribers() > 0) {
            say("  %d subscriber(s) received nothing on some stream", step.silentSubscribers());
        }
    }

    private void closeAll() {
        publishers.forEach(Publisher::stop);
        List<Subscriber> all;
        synchronized (subscribers) {
            all = new ArrayList<>(subscribers);
        }
        all.parallelStream().forEach(Subscriber::close);
        publishers.forEach(Publisher::close);
    }

    private void say(String format, Object... args) {
        progress.println("load: " + String.format(format, args));
    }

    private static void waitUntil(long dueNanos) {
        long wait = dueNanos - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
