package dev.relaykit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The one timer thread and each client's scope over it (issue #12, item 2). */
class SharedTimerTest {

    static long timerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("relaykit-timer")).count();
    }

    @Test
    void manyScopesShareOneThreadAndClosedScopesLeaveNothingQueued() throws Exception {
        int baseline = SharedTimer.queuedTasks();
        List<TimerScope> clients = new ArrayList<>();
        AtomicInteger ran = new AtomicInteger();
        List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < 50; i++) {
            TimerScope scope = SharedTimer.scope(null, null);
            scope.schedule(ran::incrementAndGet, 1, TimeUnit.HOURS);
            scope.scheduleAtFixedRate(() -> threads.add(Thread.currentThread().getName()), 5, 5, TimeUnit.MILLISECONDS);
            scope.scheduleWithFixedDelay(() -> { }, 1, 1, TimeUnit.HOURS);
            clients.add(scope);
        }
        assertThat(SharedTimer.queuedTasks()).isGreaterThanOrEqualTo(baseline + 150);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (threads.size() < 100 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(threads).hasSizeGreaterThanOrEqualTo(100).allMatch("relaykit-timer"::equals);
        assertThat(timerThreads()).isEqualTo(1);

        for (TimerScope scope : clients) {
            scope.shutdownNow();
            assertThat(scope.pendingTasks()).isZero();
            assertThat(scope.isTerminated()).isTrue();
        }
        assertThat(SharedTimer.queuedTasks()).isLessThanOrEqualTo(baseline);
        assertThat(timerThreads()).isLessThanOrEqualTo(1);
        assertThat(ran).hasValue(0);
    }

    @Test
    void aTaskOfAClosedClientNeverRunsEvenWhenAlreadyDue() throws Exception {
        // due in 50 ms, the client closes first
        TimerScope early = SharedTimer.scope(null, null);
        AtomicInteger ran = new AtomicInteger();
        early.schedule(ran::incrementAndGet, 50, TimeUnit.MILLISECONDS);
        early.shutdownNow();

        // due and handed over to a busy hand-off executor, the client closes before it gets to run
        CountDownLatch release = new CountDownLatch(1);
        List<Runnable> handedOver = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> workers = new java.util.concurrent.CopyOnWriteArrayList<>();
        Executor gated = command -> {
            handedOver.add(command);
            Thread worker = new Thread(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    return;
                }
                command.run();
            });
            workers.add(worker);
            worker.start();
        };
        TimerScope late = SharedTimer.scope(null, gated);
        ScheduledFuture<?> f = late.schedule(ran::incrementAndGet, 0, TimeUnit.MILLISECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (handedOver.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(handedOver).hasSize(1); // the timer fired it
        late.shutdownNow();
        release.countDown();
        for (Thread worker : workers) { // the handed-over task has had its chance to run
            worker.join(5_000);
            assertThat(worker.isAlive()).isFalse();
        }

        assertThat(ran).as("tasks of closed clients that ran").hasValue(0);
        assertThat(f.isCancelled()).isTrue();
        assertThatThrownBy(() -> late.schedule(ran::incrementAndGet, 0, TimeUnit.MILLISECONDS))
                .isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void oneClientClosingLeavesTheOthersRunning() throws Exception {
        TimerScope closing = SharedTimer.scope(null, null);
        TimerScope staying = SharedTimer.scope(null, null);
        CountDownLatch ran = new CountDownLatch(1);
        closing.schedule(() -> { }, 1, TimeUnit.HOURS);
        staying.schedule(ran::countDown, 50, TimeUnit.MILLISECONDS);
        closing.shutdown();
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(staying.isShutdown()).isFalse();
        staying.shutdownNow();
    }

    @Test
    void dueWorkRunsOnTheHandOffExecutorNotOnTheTimerThread() throws Exception {
        TimerScope scope = SharedTimer.scope(null, SharedTimer.workers());
        AtomicReference<String> where = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        scope.schedule(() -> {
            where.set(Thread.currentThread().getName());
            done.countDown();
        }, 10, TimeUnit.MILLISECONDS);
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(where.get()).isNotEqualTo("relaykit-timer");
        scope.shutdownNow();
    }

    @Test
    void aUsersOwnSchedulerIsUsedAndNeverShutDown() throws Exception {
        ScheduledThreadPoolExecutor own = new ScheduledThreadPoolExecutor(1);
        own.setRemoveOnCancelPolicy(true);
        try {
            TimerScope scope = SharedTimer.scope(own, null);
            scope.schedule(() -> { }, 1, TimeUnit.HOURS);
            assertThat(own.getQueue()).hasSize(1);
            scope.shutdownNow();
            assertThat(own.getQueue()).isEmpty();
            assertThat(own.isShutdown()).isFalse();
        } finally {
            own.shutdownNow();
        }
    }

    @Test
    void aClientThatMustAnswerEveryCallGetsLateTasksRunAtOnce() {
        List<Runnable> late = new ArrayList<>();
        TimerScope scope = SharedTimer.scope(null, null, late::add);
        Runnable waiting = () -> { };
        scope.schedule(waiting, 1, TimeUnit.HOURS);
        assertThat(scope.shutdownNow()).containsExactly(waiting);
        Runnable after = () -> { };
        ScheduledFuture<?> f = scope.schedule(after, 1, TimeUnit.HOURS);
        assertThat(late).containsExactly(after);
        assertThat(f.isCancelled()).isTrue();
        assertThat(scope.pendingTasks()).isZero();
    }
}
