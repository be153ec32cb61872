package dev.sfu.cluster.downing;

import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.coordination.lease.LeaseSettings;
import org.apache.pekko.coordination.lease.javadsl.Lease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The Split Brain Resolver's lease (strategy {@code lease-majority}) as an exclusive OS lock on a file that every
 * member of the cluster can reach: on one host, a file under {@code sfu.cluster.lease.dir}. Whichever side of a
 * split takes the lock survives and downs the other; a crashed process loses its lock at once, so a lone survivor
 * (even of two members) takes it and keeps serving. Members on several hosts need a lease all of them reach
 * instead (e.g. a Kubernetes lease); see {@link LeaseFiles} for how the file is named.
 *
 * <p>Several members of one JVM (in-process tests) share one OS lock: the JVM-wide {@link #HOLDERS} says which of
 * them holds it, and a member's lease is released when its actor system terminates.
 */
public final class FileLease extends Lease {
    private static final Logger LOG = LoggerFactory.getLogger(FileLease.class);
    private static final Map<Path, Held> HOLDERS = new ConcurrentHashMap<>();

    private record Held(String owner, FileChannel channel, FileLock lock) {
    }

    private final LeaseSettings settings;
    private final Path file;

    public FileLease(LeaseSettings settings, ExtendedActorSystem system) {
        this.settings = settings;
        this.file = LeaseFiles.pathFor(system.settings().config(), settings.leaseName());
        system.whenTerminated().onComplete(done -> release(), system.dispatcher());
    }

    @Override
    public LeaseSettings getSettings() {
        return settings;
    }

    @Override
    public CompletionStage<Boolean> acquire() {
        return CompletableFuture.supplyAsync(this::tryAcquire);
    }

    @Override
    public CompletionStage<Boolean> acquire(Consumer<Optional<Throwable>> leaseLostCallback) {
        return acquire(); // an OS lock is lost only with the process (or the file system): nothing to report
    }

    @Override
    public CompletionStage<Boolean> release() {
        Held held = HOLDERS.get(file);
        if (held != null && held.owner().equals(settings.ownerName()) && HOLDERS.remove(file, held)) {
            try {
                held.lock().release();
                held.channel().close();
                LOG.info("released the downing lease {} ({})", settings.leaseName(), file);
            } catch (IOException e) {
                LOG.warn("releasing the downing lease {} failed: {}", file, e.toString());
            }
        }
        return CompletableFuture.completedFuture(true);
    }

    @Override
    public boolean checkLease() {
        Held held = HOLDERS.get(file);
        return held != null && held.owner().equals(settings.ownerName()) && held.lock().isValid();
    }

    private synchronized boolean tryAcquire() {
        Held held = HOLDERS.get(file);
        if (held != null) return held.owner().equals(settings.ownerName());
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                LOG.info("the downing lease {} is held by another member", file);
                return false;
            }
            HOLDERS.put(file, new Held(settings.ownerName(), channel, lock));
            LOG.info("acquired the downing lease {} ({}) as {}", settings.leaseName(), file, settings.ownerName());
            return true;
        } catch (IOException e) {
            LOG.warn("cannot take the downing lease {}: {}", file, e.toString());
            return false;
        }
    }
}
