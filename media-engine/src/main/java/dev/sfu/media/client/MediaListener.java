package dev.sfu.media.client;

/** Decrypted media arriving at a {@link WebRtcClient}, on the client's event-loop thread. */
public interface MediaListener {
    void onRtp(byte[] rtp);

    void onRtcp(byte[] rtcp);
}
