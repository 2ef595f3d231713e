package dev.passerelle.server.connectors;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Base of the tests that hold calls at the {@link GatedBank}: they send requests {@link #meanwhile} and look at the
 * server while the bank keeps them waiting. The gate opens after each test, whatever it left.
 */
@IntegrationTest
@Import(HandWrittenBanksConfig.class)
public abstract class GatedBankTest {

    @Autowired
    protected TestApi api;
    @Autowired
    protected TestUsers users;
    @Autowired
    protected GatedBank bank;

    private final ExecutorService executor = Executors.newCachedThreadPool();

    /** Sends {@code request} on another thread, so that the test goes on while the bank holds it. */
    protected <T> Future<T> meanwhile(Callable<T> request) {
        return executor.submit(request);
    }

    @AfterEach
    void releaseTheBank() {
        bank.openGate();
        bank.approve(true);
        executor.shutdownNow();
    }
}
