package dev.sfu.signaling.limits;

import dev.sfu.signaling.api.ApiException;
import dev.sfu.signaling.api.SignalingEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientQuotasTest {
    private static final QuotaSettings TWO_EACH = new QuotaSettings(true,
            new QuotaSettings.Quota(2, 2, 2), new QuotaSettings.Quota(2, 2, 2));

    private final ClientQuotas quotas = new ClientQuotas(TWO_EACH);
    private final List<ClientQuotas.Owner> alice = quotas.owners("alice", "10.0.0.1");

    @Test
    void aPendingCreationHoldsItsSlot() {
        CompletableFuture<String> pending = new CompletableFuture<>();
        quotas.create(ClientQuotas.Kind.CONSUMER, alice, () -> pending, id -> id, id -> "sfu1");
        quotas.create(ClientQuotas.Kind.CONSUMER, alice, () -> CompletableFuture.completedFuture("c2"), id -> id, id -> "sfu1");

        ApiException refused = refusal(quotas.create(ClientQuotas.Kind.CONSUMER, alice,
                () -> CompletableFuture.completedFuture("c3"), id -> id, id -> "sfu1"));

        assertEquals(429, refused.status());
        pending.completeExceptionally(new IllegalStateException("refused"));
        assertEquals(1, quotas.count("token:alice", ClientQuotas.Kind.CONSUMER));
    }

    @Test
    void anObjectClosedBeforeItsCreationWasAnsweredIsNotCounted() {
        CompletableFuture<String> pending = new CompletableFuture<>();
        quotas.create(ClientQuotas.Kind.CONSUMER, alice, () -> pending, id -> id, id -> "sfu1");

        quotas.onEvent(new SignalingEvent("consumerClosed", "r1", "sfu1", 0, Map.of("consumerId", "c1")));
        pending.complete("c1");

        assertEquals(0, quotas.count("token:alice", ClientQuotas.Kind.CONSUMER));
        assertEquals(0, quotas.count("address:10.0.0.1", ClientQuotas.Kind.CONSUMER));
        assertEquals(0, quotas.tracked());
    }

    @Test
    void nodeDownFreesOnlyThatMembersObjects() {
        quotas.create(ClientQuotas.Kind.TRANSPORT, alice, () -> CompletableFuture.completedFuture("t1"), id -> id, id -> "sfu1");
        quotas.create(ClientQuotas.Kind.TRANSPORT, alice, () -> CompletableFuture.completedFuture("t2"), id -> id, id -> "sfu2");

        quotas.onEvent(new SignalingEvent("nodeDown", null, "sfu2", 0, Map.of()));

        assertEquals(1, quotas.count("token:alice", ClientQuotas.Kind.TRANSPORT));
        assertEquals(1, quotas.tracked());
    }

    @Test
    void withoutATokenOnlyTheAddressCounts() {
        List<ClientQuotas.Owner> anonymous = quotas.owners(null, "10.0.0.2");
        assertEquals(1, anonymous.size());
        quotas.create(ClientQuotas.Kind.PRODUCER, anonymous, () -> CompletableFuture.completedFuture("p1"), id -> id, id -> "sfu1");
        assertEquals(1, quotas.count("address:10.0.0.2", ClientQuotas.Kind.PRODUCER));
    }

    @Test
    void disabledQuotasCountNothing() {
        ClientQuotas off = new ClientQuotas(QuotaSettings.UNLIMITED);
        for (int i = 0; i < 1000; i++) {
            String id = "t" + i;
            off.create(ClientQuotas.Kind.TRANSPORT, alice, () -> CompletableFuture.completedFuture(id), x -> x, x -> "sfu1");
        }
        assertEquals(0, off.tracked());
    }

    private static ApiException refusal(java.util.concurrent.CompletionStage<?> stage) {
        CompletionException e = assertThrows(CompletionException.class, () -> stage.toCompletableFuture().join());
        assertTrue(e.getCause() instanceof ApiException, e.toString());
        return (ApiException) e.getCause();
    }
}
