package dev.sfu.cluster.media;

import dev.sfu.media.ortc.OrtcException;
import dev.sfu.signaling.api.ApiException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefusalTest {

    @Test
    void apiExceptionsKeepTheirStatusThroughCompletionWrappers() {
        Refusal refusal = Refusal.of(new CompletionException(ApiException.notFound("unknown transport id 'x'")));
        assertEquals(new Refusal(404, "unknown transport id 'x'"), refusal);
        ApiException back = refusal.toException();
        assertEquals(404, back.status());
        assertEquals("unknown transport id 'x'", back.getMessage());
    }

    @Test
    void ortcFailuresAreBadRequestsWithTheirMessage() {
        assertEquals(new Refusal(400, "missing codecs"), Refusal.of(new OrtcException("missing codecs")));
        assertTrue(Refusal.isExpected(new CompletionException(new OrtcException("x"))));
    }

    @Test
    void anythingElseIsAnInternalError() {
        Refusal refusal = Refusal.of(new IllegalStateException("boom"));
        assertEquals(500, refusal.status());
        assertTrue(refusal.message().contains("boom"));
        assertFalse(Refusal.isExpected(new IllegalStateException("boom")));
    }
}
