package dev.sfu.media.dtls;

import dev.sfu.media.srtp.SrtpSession;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A DtlsSession listener that records what happened, for tests to wait on. */
final class RecordingListener implements DtlsSession.Listener {
    final CompletableFuture<SrtpSession> connected = new CompletableFuture<>();
    final CompletableFuture<String> failed = new CompletableFuture<>();
    final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public void onConnected(SrtpSession srtp) {
        connected.complete(srtp);
    }

    @Override
    public void onFailed(String reason) {
        failed.complete(reason);
    }

    @Override
    public void onClosed() {
        closed.countDown();
    }

    SrtpSession awaitConnected() throws Exception {
        return connected.get(20, TimeUnit.SECONDS);
    }

    String awaitFailed() throws Exception {
        return failed.get(20, TimeUnit.SECONDS);
    }

    boolean awaitClosed() throws InterruptedException {
        return closed.await(20, TimeUnit.SECONDS);
    }
}
