package dev.relaykit.core.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    @Test
    void tasksFromManyThreadsRunOneAtATimeEachThreadsInOrder() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            SerialExecutor serial = new SerialExecutor(pool);
            int producers = 4;
            int perProducer = 50_000;
            List<List<Integer>> seen = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                seen.add(new ArrayList<>()); // only ever touched by serial tasks, one at a time
            }
            AtomicInteger concurrent = new AtomicInteger();
            AtomicBoolean overlapped = new AtomicBoolean();
            CountDownLatch done = new CountDownLatch(producers * perProducer);
            Thread[] threads = new Thread[producers];
            for (int p = 0; p < producers; p++) {
                int producer = p;
                threads[p] = new Thread(() -> {
                    for (int i = 0; i < perProducer; i++) {
                        int n = i;
                        serial.execute(() -> {
                            if (concurrent.incrementAndGet() != 1) {
                                overlapped.set(true);
                            }
                            seen.get(producer).add(n);
                            concurrent.decrementAndGet();
                            done.countDown();
                        });
                        if (n % 1000 == 0) {
                            Thread.yield(); // let the drainer run dry now and then: the hand-over path
                        }
                    }
                });
                threads[p].start();
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(overlapped).isFalse();
            for (List<Integer> s : seen) {
                assertThat(s).hasSize(perProducer);
                for (int i = 0; i < perProducer; i++) {
                    if (s.get(i) != i) {
                        throw new AssertionError("task " + s.get(i) + " ran in place " + i);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aThrowingTaskDoesNotStopTheOnesAfterIt() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            SerialExecutor serial = new SerialExecutor(pool);
            CountDownLatch after = new CountDownLatch(1);
            serial.execute(() -> {
                throw new IllegalStateException("boom (expected by the test)");
            });
            serial.execute(after::countDown);
            assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRefusingDelegateFailsTheSubmissionAndTheExecutorRecovers() throws Exception {
        AtomicBoolean refuse = new AtomicBoolean(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            SerialExecutor serial = new SerialExecutor(task -> {
                if (refuse.get()) {
                    throw new RejectedExecutionException("full (expected by the test)");
                }
                pool.execute(task);
            });
            AtomicInteger ran = new AtomicInteger();
            assertThatThrownBy(() -> serial.execute(ran::incrementAndGet)).isInstanceOf(RejectedExecutionException.class);
            refuse.set(false);
            CountDownLatch later = new CountDownLatch(1);
            serial.execute(later::countDown);
            assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(ran).hasValue(0); // the refused task was dropped, not run late
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(60)
    void twoHundredExecutorsOnTheSharedPoolStayOrderedUnderConcurrentProducersOnABoundedSetOfThreads() throws Exception {
        int executors = 200;
        int producers = 4;
        int perProducer = 500; // per executor
        SerialExecutor[] serial = new SerialExecutor[executors];
        int[][] next = new int[executors][producers]; // touched only by each executor's own tasks
        AtomicInteger[] concurrent = new AtomicInteger[executors];
        for (int e = 0; e < executors; e++) {
            // half are session dispatchers: payloads (not Runnables) go to their handler, in the same order
            serial[e] = e % 2 == 0 ? SerialExecutor.onSharedPool() : SerialExecutor.forSession(p -> ((Runnable) ((Object[]) p)[0]).run());
            concurrent[e] = new AtomicInteger();
        }
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicBoolean broken = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(executors * producers * perProducer);
        Thread[] ts = new Thread[producers];
        for (int p = 0; p < producers; p++) {
            int producer = p;
            ts[p] = new Thread(() -> {
                for (int i = 0; i < perProducer; i++) {
                    for (int e = 0; e < executors; e++) {
                        int ex = e;
                        int n = i;
                        Runnable task = () -> {
                            if (concurrent[ex].incrementAndGet() != 1 || next[ex][producer] != n) {
                                broken.set(true);
                            }
                            next[ex][producer] = n + 1;
                            threads.add(Thread.currentThread().getName());
                            concurrent[ex].decrementAndGet();
                            done.countDown();
                        };
                        if (ex % 2 == 0) {
                            serial[ex].execute(task);
                        } else {
                            serial[ex].submit(i % 3 == 0 ? task : new Object[] {task}); // mixed, as a session's are
                        }
                    }
                }
            });
            ts[p].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        assertThat(done.await(50, TimeUnit.SECONDS)).isTrue();
        assertThat(broken).as("a task overlapped another of its executor or ran out of order").isFalse();
        assertThat(threads).allMatch(n -> n.startsWith("relaykit-dispatch-"));
        assertThat(threads.size()).isLessThanOrEqualTo(DispatchPool.THREADS);
        assertThat(Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("relaykit-dispatch-")).count()).isLessThanOrEqualTo(DispatchPool.THREADS);
    }

    @Test
    void shutdownRunsWhatIsQueuedThenDropsLaterTasksAndKnowsItsOwnThread() throws Exception {
        SerialExecutor serial = SerialExecutor.onSharedPool();
        CountDownLatch release = new CountDownLatch(1);
        List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicBoolean onOwnThread = new AtomicBoolean();
        serial.execute(() -> {
            onOwnThread.set(serial.isLoopThread());
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ran.add("first");
        });
        serial.execute(() -> ran.add("queued before shutdown"));
        serial.shutdown();
        serial.execute(() -> ran.add("after shutdown"));
        assertThat(serial.awaitTermination(100, TimeUnit.MILLISECONDS)).isFalse(); // the first task still runs
        assertThat(serial.isLoopThread()).isFalse();
        release.countDown();
        assertThat(serial.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactly("first", "queued before shutdown");
        assertThat(onOwnThread).isTrue();
    }

    @Test
    void whenTheDelegateRefusesTasksOtherThreadsQueuedMeanwhileStillRun() throws Exception {
        CountDownLatch otherQueued = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            SerialExecutor serial = new SerialExecutor(task -> {
                if (calls.incrementAndGet() == 1) {
                    try {
                        otherQueued.await(5, TimeUnit.SECONDS); // another thread submits while this hand-over hangs
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new RejectedExecutionException("full (expected by the test)");
                }
                pool.execute(task);
            });
            List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
            CompletableFuture<Throwable> refused = CompletableFuture.supplyAsync(() -> {
                try {
                    serial.execute(() -> ran.add("refused"));
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            while (calls.get() == 0) {
                Thread.onSpinWait();
            }
            serial.execute(() -> ran.add("accepted")); // returns normally: the drain looked scheduled
            otherQueued.countDown();
            assertThat(refused.get(5, TimeUnit.SECONDS)).isInstanceOf(RejectedExecutionException.class);
            assertThat(ran).containsExactly("accepted"); // run, not lost; the refused one dropped
            CountDownLatch later = new CountDownLatch(1);
            serial.execute(later::countDown);
            assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keyedExecutorKeepsEachKeysOrderAndRunsOtherKeysBesideIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            KeyedExecutor keyed = new KeyedExecutor(pool, 64);
            String a = "chat-a";
            String b = "chat-b";
            assertThat(keyed.lane(a)).isNotSameAs(keyed.lane(b)); // else the test proves nothing
            CountDownLatch bRan = new CountDownLatch(1);
            List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
            AtomicBoolean bBesideA = new AtomicBoolean();
            keyed.execute(a, () -> {
                try {
                    bBesideA.set(bRan.await(5, TimeUnit.SECONDS)); // a's first task waits for b's
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                order.add("a1");
            });
            CountDownLatch all = new CountDownLatch(1);
            for (int i = 2; i <= 100; i++) {
                String t = "a" + i;
                keyed.execute(a, () -> order.add(t));
            }
            keyed.execute(a, all::countDown);
            keyed.execute(b, bRan::countDown);
            assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(bBesideA).isTrue();
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 100; i++) {
                expected.add("a" + i);
            }
            assertThat(order).containsExactlyElementsOf(expected);
            assertThatThrownBy(() -> new KeyedExecutor(pool, 3)).isInstanceOf(IllegalArgumentException.class);
        } finally {
            pool.shutdownNow();
        }
    }
}
