package dev.sfu.media.ice;

/** What an {@link IceLiteAgent} did with the STUN messages it was given (read on the media thread). */
public final class IceCounters {
    long validRequests;
    long notBindingRequests;
    long fingerprintFailures;
    long usernameMismatches;
    long integrityFailures;
    long responsesSent;
    long selectedAddressChanges;

    public long validRequests() { return validRequests; }
    public long notBindingRequests() { return notBindingRequests; }
    public long fingerprintFailures() { return fingerprintFailures; }
    public long usernameMismatches() { return usernameMismatches; }
    public long integrityFailures() { return integrityFailures; }
    public long responsesSent() { return responsesSent; }
    public long selectedAddressChanges() { return selectedAddressChanges; }

    /** Requests ignored for failing a check. */
    public long rejectedRequests() {
        return fingerprintFailures + usernameMismatches + integrityFailures;
    }

    @Override
    public String toString() {
        return "IceCounters[valid=" + validRequests + ", notBinding=" + notBindingRequests + ", badFingerprint="
                + fingerprintFailures + ", badUsername=" + usernameMismatches + ", badIntegrity=" + integrityFailures
                + ", responses=" + responsesSent + ", addressChanges=" + selectedAddressChanges + "]";
    }
}
