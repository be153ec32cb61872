package dev.sfu.media.transport;

/** Packet counts of one secure media channel; written and read on the media thread. */
public final class TransportCounters {
    long rtpReceived;
    long rtcpReceived;
    long rtpSent;
    long rtcpSent;
    long bytesReceived;
    long bytesSent;
    long dtlsReceived;
    long fromUnselectedAddress;
    long beforeKeys;
    long unprotectFailures;
    long protectFailures;

    public long rtpReceived() { return rtpReceived; }
    public long rtcpReceived() { return rtcpReceived; }
    public long rtpSent() { return rtpSent; }
    public long rtcpSent() { return rtcpSent; }
    public long bytesReceived() { return bytesReceived; }
    public long bytesSent() { return bytesSent; }
    public long dtlsReceived() { return dtlsReceived; }
    /** DTLS or media datagrams from an address ICE has not selected (dropped). */
    public long fromUnselectedAddress() { return fromUnselectedAddress; }
    /** Media that arrived, or was to be sent, before SRTP keys existed (dropped). */
    public long beforeKeys() { return beforeKeys; }
    /** SRTP/SRTCP packets that failed authentication, replay or parsing (dropped). */
    public long unprotectFailures() { return unprotectFailures; }
    public long protectFailures() { return protectFailures; }

    @Override
    public String toString() {
        return "TransportCounters[rtpIn=" + rtpReceived + ", rtcpIn=" + rtcpReceived + ", rtpOut=" + rtpSent
                + ", rtcpOut=" + rtcpSent + ", dtlsIn=" + dtlsReceived + ", unselected=" + fromUnselectedAddress
                + ", beforeKeys=" + beforeKeys + ", unprotectFailures=" + unprotectFailures + "]";
    }
}
