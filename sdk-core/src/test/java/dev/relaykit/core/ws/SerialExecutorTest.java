package dev.relaykit.core.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
}
