package dev.passerelle.server.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** One request sent by several clients at once: each thread waits for the others, then all send. */
public final class AtOnce {

    private AtOnce() {
    }

    /** The answers of {@code clients} sends of {@code call}, released together. */
    public static <T> List<T> send(int clients, Callable<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> sent = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(clients)) {
            for (int i = 0; i < clients; i++) {
                sent.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
        }
        List<T> answers = new ArrayList<>();
        for (Future<T> answer : sent) {
            answers.add(answer.get());
        }
        return answers;
    }
}
