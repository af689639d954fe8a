package dev.relaykit.core.ws;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Records everything a session delivers, with the thread it arrived on, and waits for it. */
class Recorder implements WsListener {
    final List<String> texts = new CopyOnWriteArrayList<>();
    final List<byte[]> binaries = new CopyOnWriteArrayList<>();
    final List<StateChange> states = new CopyOnWriteArrayList<>();
    final List<SessionError> errors = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void onText(WsSession session, String text) {
        threads.add(Thread.currentThread().getName());
        texts.add(text);
    }

    @Override
    public void onBinary(WsSession session, byte[] bytes) {
        threads.add(Thread.currentThread().getName());
        binaries.add(bytes);
    }

    @Override
    public void onStateChange(WsSession session, StateChange change) {
        threads.add(Thread.currentThread().getName());
        states.add(change);
    }

    @Override
    public void onError(WsSession session, SessionError error) {
        errors.add(error);
    }

    long count(ConnectionState to) {
        return states.stream().filter(s -> s.to() == to).count();
    }

    void awaitState(ConnectionState to, long occurrences, Duration timeout) throws Exception {
        await(() -> count(to) >= occurrences, timeout, "state " + to + " x" + occurrences + ", saw " + states);
    }

    SessionError awaitError(SessionError.Kind kind, Duration timeout) throws Exception {
        await(() -> errors.stream().anyMatch(e -> e.kind() == kind), timeout, "error " + kind + ", saw " + errors);
        return errors.stream().filter(e -> e.kind() == kind).findFirst().orElseThrow();
    }

    void awaitTexts(int n, Duration timeout) throws Exception {
        await(() -> texts.size() >= n, timeout, n + " texts, got " + texts.size());
    }

    static void await(java.util.function.BooleanSupplier condition, Duration timeout, String what) throws Exception {
        dev.relaykit.testsupport.Await.until(condition, timeout, what);
    }

    static List<String> relaykitThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(((Predicate<String>) n -> n.startsWith("relaykit-")))
                .toList();
    }
}
