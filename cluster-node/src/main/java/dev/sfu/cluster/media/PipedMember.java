package dev.sfu.cluster.media;

import org.apache.pekko.actor.typed.ActorRef;

/** A member a producer is piped to, with the MediaNode that holds its copy. */
public record PipedMember(String node, ActorRef<MediaNode.Command> mediaNode) {
}
