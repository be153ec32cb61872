package dev.sfu.media.dtls;

import dev.sfu.media.srtp.SrtpProfile;
import dev.sfu.media.srtp.SrtpSession;
import dev.sfu.media.transport.DtlsFingerprint;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DTLS 1.2 association (RFC 6347) that keys SRTP (RFC 5764) over an unreliable datagram link.
 *
 * <p>The handshake runs BouncyCastle's blocking protocol on the given executor; datagrams reach it through a queue
 * filled by {@link #receive}, which any thread may call. On success the keying material becomes an
 * {@link SrtpSession} handed to {@link Listener#onConnected}. Afterwards no thread is kept: the few DTLS records a
 * peer still sends (a retransmitted last flight, an alert) are handed to BouncyCastle in a short executor task, and
 * application data is ignored.
 *
 * <p>Listener callbacks run on the executor thread (or on the thread calling {@link #receive}); they must not block.
 * {@link #close()} does not call the listener.
 */
public final class DtlsSession {
    private static final Logger LOG = LoggerFactory.getLogger(DtlsSession.class);
    /** Largest datagram we send; fits any path MTU WebRTC is likely to meet. */
    static final int MAX_DATAGRAM_SIZE = 1200;
    private static final int AFTER_HANDSHAKE_WAIT_MILLIS = 1;

    private enum State { NEW, CONNECTING, CONNECTED, FAILED, CLOSED }

    // Passed in.
    private final DtlsCertificate localCertificate;
    private final DtlsRole role;
    private final FingerprintVerifier verifier;
    private final Listener listener;
    private final Executor handshakeExecutor;
    private final int handshakeTimeoutMillis;

    // Owned.
    private final QueueDatagramTransport transport;
    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
    private final AtomicBoolean readTaskScheduled = new AtomicBoolean();
    private final AtomicLong droppedDatagrams = new AtomicLong();
    /** Guards {@link #dtls}: BouncyCastle's record layer must not be used by two threads at once. */
    private final Object dtlsLock = new Object();
    private DTLSTransport dtls;
    private volatile SrtpProfile profile;

    public DtlsSession(DtlsCertificate local, DtlsRole role, List<DtlsFingerprint> expectedRemote,
                       DatagramSender out, Listener listener, Executor handshakeExecutor) {
        this(local, role, expectedRemote, out, listener, handshakeExecutor,
                DtlsSrtpPreferences.HANDSHAKE_TIMEOUT_MILLIS);
    }

    DtlsSession(DtlsCertificate local, DtlsRole role, List<DtlsFingerprint> expectedRemote, DatagramSender out,
                Listener listener, Executor handshakeExecutor, int handshakeTimeoutMillis) {
        this.localCertificate = Objects.requireNonNull(local, "local");
        this.role = Objects.requireNonNull(role, "role");
        this.verifier = new FingerprintVerifier(Objects.requireNonNull(expectedRemote, "expectedRemote"));
        this.listener = Objects.requireNonNull(listener, "listener");
        this.handshakeExecutor = Objects.requireNonNull(handshakeExecutor, "handshakeExecutor");
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
        this.transport = new QueueDatagramTransport(Objects.requireNonNull(out, "out"), MAX_DATAGRAM_SIZE);
    }

    /** Starts the handshake: as client, sends the ClientHello; as server, waits for one. Only the first call acts. */
    public void start() {
        if (!state.compareAndSet(State.NEW, State.CONNECTING)) {
            return;
        }
        try {
            handshakeExecutor.execute(this::runHandshake);
        } catch (RejectedExecutionException e) {
            fail("handshake executor rejected the handshake");
        }
    }

    /**
     * Takes one incoming DTLS datagram (the bytes are copied when kept). Malformed datagrams are dropped and counted;
     * nothing here throws. Datagrams arriving before {@link #start()} are kept for the handshake.
     */
    public void receive(byte[] data, int offset, int length) {
        State current = state.get();
        int kinds = DtlsRecordInspector.inspect(data, offset, length);
        if (current == State.FAILED || current == State.CLOSED || kinds == DtlsRecordInspector.MALFORMED) {
            droppedDatagrams.incrementAndGet();
            return;
        }
        if (current == State.CONNECTED) {
            receiveAfterHandshake(kinds, data, offset, length);
        } else if (!transport.offer(data, offset, length)) {
            droppedDatagrams.incrementAndGet();
        }
    }

    /** "new" | "connecting" | "connected" | "failed" | "closed". */
    public String state() {
        return state.get().name().toLowerCase(Locale.ROOT);
    }

    public DtlsRole role() {
        return role;
    }

    /** The negotiated SRTP profile once connected, else null. */
    public SrtpProfile srtpProfile() {
        return profile;
    }

    /** Datagrams dropped as malformed, unneeded or arriving after the session ended. */
    public long droppedDatagrams() {
        return droppedDatagrams.get();
    }

    /** Ends the session: sends close_notify when connected, aborts a running handshake. Idempotent. */
    public void close() {
        State previous = state.getAndSet(State.CLOSED);
        if (previous == State.CLOSED) {
            return;
        }
        if (previous == State.CONNECTED) {
            synchronized (dtlsLock) {
                closeQuietly(dtls);
            }
        }
        transport.close();
    }

    private void runHandshake() {
        BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
        try {
            DTLSTransport connected;
            byte[] keyingMaterial;
            SrtpProfile negotiated;
            if (role == DtlsRole.CLIENT) {
                SrtpDtlsClient client = new SrtpDtlsClient(crypto, localCertificate, verifier, handshakeTimeoutMillis);
                connected = new DTLSClientProtocol().connect(client, transport);
                negotiated = client.profile();
                keyingMaterial = client.srtpKeyingMaterial();
            } else {
                SrtpDtlsServer server = new SrtpDtlsServer(crypto, localCertificate, verifier, handshakeTimeoutMillis);
                DTLSServerProtocol protocol = new DTLSServerProtocol();
                // ICE connectivity checks already proved the peer's address; no cookie exchange needed.
                protocol.setVerifyRequests(false);
                connected = protocol.accept(server, transport);
                negotiated = server.profile();
                keyingMaterial = server.srtpKeyingMaterial();
            }
            onHandshakeDone(connected, negotiated, keyingMaterial);
        } catch (TlsFatalAlertReceived e) {
            fail("peer sent fatal alert " + AlertDescription.getText(e.getAlertDescription()));
        } catch (TlsFatalAlert e) {
            fail("handshake failed: " + (e.getMessage() != null ? e.getMessage()
                    : AlertDescription.getText(e.getAlertDescription())));
        } catch (TlsTimeoutException e) {
            fail("handshake timed out after " + handshakeTimeoutMillis + " ms");
        } catch (IOException | RuntimeException e) {
            fail("handshake failed: " + e);
        }
    }

    private void onHandshakeDone(DTLSTransport connected, SrtpProfile negotiated, byte[] keyingMaterial) {
        SrtpSession srtp = SrtpSession.fromDtlsKeyingMaterial(negotiated, keyingMaterial, role == DtlsRole.CLIENT);
        synchronized (dtlsLock) {
            dtls = connected;
        }
        profile = negotiated;
        if (!state.compareAndSet(State.CONNECTING, State.CONNECTED)) {
            synchronized (dtlsLock) {
                closeQuietly(connected); // closed while the handshake finished
            }
            srtp.close();
            return;
        }
        LOG.debug("DTLS {} connected with {}", role, negotiated);
        try {
            listener.onConnected(srtp);
        } catch (RuntimeException e) {
            LOG.warn("DTLS listener onConnected threw", e);
        }
        // Records that raced with the end of the handshake (e.g. a retransmitted flight) are still queued.
        if (transport.hasQueued()) {
            scheduleReadAfterHandshake();
        }
    }

    private void receiveAfterHandshake(int kinds, byte[] data, int offset, int length) {
        // Only a retransmitted last flight or an authenticated (encrypted) alert needs BouncyCastle; media never
        // travels as DTLS application data, and a plaintext alert now would be unauthenticated.
        int needsProtocol = DtlsRecordInspector.HANDSHAKE | DtlsRecordInspector.CHANGE_CIPHER_SPEC
                | DtlsRecordInspector.ENCRYPTED_ALERT;
        if ((kinds & needsProtocol) == 0) {
            droppedDatagrams.incrementAndGet();
            return;
        }
        if (!transport.offer(data, offset, length)) {
            droppedDatagrams.incrementAndGet();
            return;
        }
        scheduleReadAfterHandshake();
    }

    private void scheduleReadAfterHandshake() {
        if (!readTaskScheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            handshakeExecutor.execute(this::readAfterHandshake);
        } catch (RejectedExecutionException e) {
            readTaskScheduled.set(false);
            droppedDatagrams.incrementAndGet();
        }
    }

    /** Lets BouncyCastle process queued records: it re-sends its last flight if asked and notices alerts. */
    private void readAfterHandshake() {
        byte[] scratch = new byte[QueueDatagramTransport.RECEIVE_LIMIT];
        boolean peerClosed = false;
        try {
            synchronized (dtlsLock) {
                while (state.get() == State.CONNECTED && transport.hasQueued() && !transport.isClosed()) {
                    dtls.receive(scratch, 0, scratch.length, AFTER_HANDSHAKE_WAIT_MILLIS);
                }
                // BouncyCastle closes the transport when the peer sent close_notify or a fatal alert.
                peerClosed = transport.isClosed();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("DTLS {} ended after the handshake: {}", role, e.toString());
            peerClosed = true;
        } finally {
            readTaskScheduled.set(false);
        }
        if (peerClosed) {
            onPeerClosed();
        } else if (transport.hasQueued() && state.get() == State.CONNECTED) {
            scheduleReadAfterHandshake();
        }
    }

    private void onPeerClosed() {
        if (!state.compareAndSet(State.CONNECTED, State.CLOSED)) {
            return;
        }
        transport.close();
        LOG.debug("DTLS {} closed by the peer", role);
        try {
            listener.onClosed();
        } catch (RuntimeException e) {
            LOG.warn("DTLS listener onClosed threw", e);
        }
    }

    private void fail(String reason) {
        if (!state.compareAndSet(State.CONNECTING, State.FAILED)) {
            return; // closed meanwhile: the failure is just the abort
        }
        transport.close();
        LOG.info("DTLS {} failed: {}", role, reason);
        try {
            listener.onFailed(reason);
        } catch (RuntimeException e) {
            LOG.warn("DTLS listener onFailed threw", e);
        }
    }

    private static void closeQuietly(DTLSTransport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("DTLS close_notify not sent: {}", e.toString());
        }
    }

    /** Writes one outgoing DTLS datagram; the bytes are only valid during the call. */
    public interface DatagramSender {
        void send(byte[] data, int offset, int length);
    }

    /** Outcome of the session; see the class comment for the thread that calls it. */
    public interface Listener {
        void onConnected(SrtpSession srtp);

        void onFailed(String reason);

        void onClosed();
    }
}
