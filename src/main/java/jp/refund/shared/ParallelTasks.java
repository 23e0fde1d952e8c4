package jp.refund.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Work a night spreads over threads (certificates, notice ranges): every task run, results in order. */
public final class ParallelTasks {

    private ParallelTasks() {
    }

    /**
     * Runs the tasks on at most {@code threads} threads and returns their results in the tasks'
     * order; the first failure (in that order) is thrown as it was, once the tasks before it are done.
     */
    public static <T> List<T> run(int threads, List<Callable<T>> tasks, String what) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())));
        try {
            List<Future<T>> running = new ArrayList<>(tasks.size());
            for (Callable<T> task : tasks) {
                running.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>(tasks.size());
            for (Future<T> f : running) {
                results.add(f.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } finally {
            pool.shutdownNow();
        }
    }
}
