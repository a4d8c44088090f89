package io.failoverlab.cloud;

import io.failoverlab.lab.LabException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Independent calls really run at once, results keep their order, every task ends, the first failure is thrown as it was. */
class ConcurrentlyTest {
    @Test
    void tasksRunAtOnceAndResultsKeepTheirOrder() {
        CountDownLatch allStarted = new CountDownLatch(3);
        List<String> out = Concurrently.map(List.of("a", "b", "c"), s -> {
            allStarted.countDown();
            try {
                // each waits for the others: only true concurrency gets past this
                assertTrue(allStarted.await(20, TimeUnit.SECONDS), "not run at once");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return s.toUpperCase();
        });
        assertEquals(List.of("A", "B", "C"), out);
    }

    @Test
    void theFirstFailureInOrderIsThrownAfterEveryTaskEnded() {
        LabException first = new LabException("first");
        AtomicInteger ended = new AtomicInteger();
        LabException thrown = assertThrows(LabException.class, () -> Concurrently.run(
                () -> {
                    ended.incrementAndGet();
                    throw first;
                },
                () -> {
                    ended.incrementAndGet();
                    throw new IllegalStateException("second");
                },
                ended::incrementAndGet));
        assertSame(first, thrown);
        assertEquals(3, ended.get());
    }

    @Test
    void oneTaskRunsHereAndMayReturnNothing() {
        String[] where = new String[1];
        Concurrently.run(() -> where[0] = Thread.currentThread().getName());
        assertEquals(Thread.currentThread().getName(), where[0]);
    }
}
