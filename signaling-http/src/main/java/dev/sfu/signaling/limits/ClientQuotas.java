package dev.sfu.signaling.limits;

import dev.sfu.signaling.api.ApiException;
import dev.sfu.signaling.api.SignalingEvent;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Counts the transports, producers and consumers each client opened through this member, and refuses (429) one
 * more beyond its {@link QuotaSettings}. A client is counted under each of its keys (its token, its address).
 * <p>
 * A creation reserves a slot before the service is called (so concurrent requests cannot overshoot), keeps it
 * under the new object's id when the call succeeds and frees it when the call fails. The slot is freed again
 * when the object closes, whoever closes it: {@link #onEvent} takes the cluster's transportClosed, producerClosed
 * and consumerClosed events (closing a transport or a room publishes one per object), and nodeDown frees
 * everything that lived on the member that went down. One lock: the maps are small and each step is a few
 * lookups.
 */
public final class ClientQuotas {

    public enum Kind {
        TRANSPORT("transports"), PRODUCER("producers"), CONSUMER("consumers");

        private final String plural;

        Kind(String plural) {
            this.plural = plural;
        }
    }

    /** One key a client is counted under, with the quota that applies to it. */
    public record Owner(String key, String description, QuotaSettings.Quota quota) {
    }

    private record Tracked(Kind kind, String node, List<Owner> owners) {
    }

    /** Ids closed before their creation was answered here; remembered so that a late confirm does not count them. */
    private static final int MAX_EARLY_CLOSES = 10_000;

    private final QuotaSettings settings;
    private final Object lock = new Object();
    private final Map<String, int[]> counts = new HashMap<>();
    private final Map<String, Tracked> byId = new HashMap<>();
    private final Map<String, Boolean> closedEarly = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_EARLY_CLOSES;
        }
    };

    public ClientQuotas(QuotaSettings settings) {
        this.settings = settings;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** The owners for a token id (null: no token, open mode) and a client address. */
    public List<Owner> owners(String tokenId, String address) {
        Owner byAddress = new Owner("address:" + address, "client address " + address, settings.perAddress());
        return tokenId == null ? List.of(byAddress)
                : List.of(new Owner("token:" + tokenId, "this access token", settings.perToken()), byAddress);
    }

    /**
     * Calls {@code create} within the owners' quota of {@code kind}: a failed stage with a 429 when one of them is at
     * its limit, else the call's stage, whose object is counted until it closes.
     */
    public <T> CompletionStage<T> create(Kind kind, List<Owner> owners, Supplier<CompletionStage<T>> create,
                                         Function<T, String> id, Function<T, String> node) {
        if (!settings.enabled()) return create.get();
        try {
            reserve(kind, owners);
        } catch (ApiException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletionStage<T> call;
        try {
            call = create.get();
        } catch (RuntimeException e) {
            release(kind, owners);
            throw e;
        }
        return call.whenComplete((created, failure) -> {
            if (failure != null || created == null) {
                release(kind, owners);
            } else {
                keep(id.apply(created), new Tracked(kind, node.apply(created), owners));
            }
        });
    }

    /** Frees the slots of objects that closed, and of every object on a member that went down. */
    public void onEvent(SignalingEvent event) {
        switch (event.type()) {
            case "transportClosed" -> closed(idIn(event, "transportId"));
            case "producerClosed" -> closed(idIn(event, "producerId"));
            case "consumerClosed" -> closed(idIn(event, "consumerId"));
            case "nodeDown" -> memberGone(event.node());
            default -> {
            }
        }
    }

    /** How many objects of {@code kind} the key holds (for tests and stats). */
    public int count(String key, Kind kind) {
        synchronized (lock) {
            int[] c = counts.get(key);
            return c == null ? 0 : c[kind.ordinal()];
        }
    }

    /** How many keys (tokens, addresses) hold something. */
    public int clients() {
        synchronized (lock) {
            return counts.size();
        }
    }

    /** How many objects are counted in all. */
    public int tracked() {
        synchronized (lock) {
            return byId.size();
        }
    }

    private void reserve(Kind kind, List<Owner> owners) {
        synchronized (lock) {
            for (Owner owner : owners) {
                int limit = owner.quota().of(kind);
                if (count(owner.key(), kind) >= limit) {
                    throw new ApiException(429, "limit reached: " + owner.description() + " may hold at most "
                            + limit + " open " + kind.plural + " on this member; close some first");
                }
            }
            owners.forEach(owner -> counts.computeIfAbsent(owner.key(), k -> new int[Kind.values().length])[kind.ordinal()]++);
        }
    }

    private void release(Kind kind, List<Owner> owners) {
        synchronized (lock) {
            for (Owner owner : owners) {
                int[] c = counts.get(owner.key());
                if (c == null) continue;
                c[kind.ordinal()] = Math.max(0, c[kind.ordinal()] - 1);
                if (c[0] == 0 && c[1] == 0 && c[2] == 0) counts.remove(owner.key());
            }
        }
    }

    private void keep(String id, Tracked tracked) {
        synchronized (lock) {
            if (id == null || closedEarly.remove(id) != null) {
                release(tracked.kind(), tracked.owners());
                return;
            }
            Tracked before = byId.put(id, tracked);
            // the same id twice is the same object (a service that answers an existing one): count it once
            if (before != null) release(before.kind(), before.owners());
        }
    }

    private void closed(String id) {
        if (id == null) return;
        synchronized (lock) {
            Tracked tracked = byId.remove(id);
            if (tracked != null) {
                release(tracked.kind(), tracked.owners());
            } else if (settings.enabled()) {
                closedEarly.put(id, Boolean.TRUE);
            }
        }
    }

    private void memberGone(String node) {
        if (node == null) return;
        synchronized (lock) {
            byId.values().removeIf(tracked -> {
                boolean gone = node.equals(tracked.node());
                if (gone) release(tracked.kind(), tracked.owners());
                return gone;
            });
        }
    }

    private static String idIn(SignalingEvent event, String field) {
        Object id = event.data() == null ? null : event.data().get(field);
        return id instanceof String s ? s : null;
    }
}
