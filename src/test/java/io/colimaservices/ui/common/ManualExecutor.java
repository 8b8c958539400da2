package io.colimaservices.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** A background executor for ViewModel tests: queues tasks until the test runs them, to look at the state between. */
public final class ManualExecutor implements Executor {
    private final Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        queue.add(task);
    }

    public synchronized int pending() {
        return queue.size();
    }

    /** Runs queued tasks (and what they queue) until none is left. */
    public void runAll() {
        Runnable next;
        while ((next = poll()) != null) {
            next.run();
        }
    }

    private synchronized Runnable poll() {
        return queue.poll();
    }
}
