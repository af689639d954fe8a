package dev.relaykit.pusher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A {@code presence-} channel: who is subscribed ({@link #members()}), who you are ({@link #me()}), and
 * who comes and goes, in the order the server says so.
 *
 * <pre>{@code
 * PusherClient client = PusherClient.builder("app-key").cluster("eu").build();
 * PresenceChannel room = client.presenceChannel("presence-room");
 * room.onMemberAdded(m -> System.out.println("+ " + m.id()));
 * room.onMemberRemoved(m -> System.out.println("- " + m.id()));
 * room.subscribe().join();
 * System.out.println(room.members().size() + " here, me = " + room.me().map(Member::id).orElse("?"));
 * }</pre>
 */
public final class PresenceChannel extends PusherChannel {
    // written on the dispatcher only; readers get a snapshot
    private final Map<String, Member> members = new LinkedHashMap<>();
    private volatile List<Member> snapshot = List.of();
    volatile String myId;
    private final List<Consumer<Member>> added = new CopyOnWriteArrayList<>();
    private final List<Consumer<Member>> removed = new CopyOnWriteArrayList<>();

    PresenceChannel(PusherClient client, String name) {
        super(client, name);
    }

    /** @return the members, in the order they were listed and then joined (a snapshot) */
    public List<Member> members() {
        return snapshot;
    }

    /**
     * @param userId a user id
     * @return that member, if subscribed
     */
    public Optional<Member> member(String userId) {
        return snapshot.stream().filter(m -> m.id().equals(userId)).findFirst();
    }

    /** @return this connection's member (the {@code user_id} of its channel data), once subscribed */
    public Optional<Member> me() {
        String id = myId;
        return id == null ? Optional.empty() : member(id);
    }

    /**
     * @param listener called when a member joins ({@code pusher_internal:member_added})
     * @return the binding
     */
    public Binding onMemberAdded(Consumer<Member> listener) {
        added.add(java.util.Objects.requireNonNull(listener, "listener"));
        return () -> added.remove(listener);
    }

    /**
     * @param listener called when a member leaves ({@code pusher_internal:member_removed})
     * @return the binding
     */
    public Binding onMemberRemoved(Consumer<Member> listener) {
        removed.add(java.util.Objects.requireNonNull(listener, "listener"));
        return () -> removed.remove(listener);
    }

    // ---- on the dispatcher

    void resetMembers(List<Member> list) {
        members.clear();
        list.forEach(m -> members.put(m.id(), m));
        snapshot = List.copyOf(members.values());
    }

    void memberAdded(Member m) {
        members.put(m.id(), m);
        snapshot = List.copyOf(members.values());
        fire(added, m);
    }

    /** @return whether the member was known (pusher-js reports only those) */
    boolean memberRemoved(String id) {
        Member m = members.remove(id);
        if (m == null) {
            return false;
        }
        snapshot = List.copyOf(members.values());
        fire(removed, m);
        return true;
    }

    private static void fire(List<Consumer<Member>> listeners, Member m) {
        for (Consumer<Member> l : new ArrayList<>(listeners)) {
            try {
                l.accept(m);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(PresenceChannel.class).warn("a member listener threw", e);
            }
        }
    }
}
