package dev.sfu.cluster.registry;

import org.apache.pekko.cluster.UniqueAddress;

/** A stable string for one member incarnation: its address and the uid it drew at startup. */
final class MemberKeys {
    private MemberKeys() {
    }

    static String of(UniqueAddress member) {
        return member.address() + "#" + member.longUid();
    }
}
