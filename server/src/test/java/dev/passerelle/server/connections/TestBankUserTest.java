package dev.passerelle.server.connections;

import dev.passerelle.server.support.IntegrationTest;
import dev.passerelle.server.support.TestApi;
import dev.passerelle.server.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Base of the connection tests: each test drives the test connector for a user of its own. */
@IntegrationTest
abstract class TestBankUserTest {

    @Autowired
    TestApi api;
    @Autowired
    TestUsers users;

    TestBank bank;

    @BeforeEach
    void newUser() {
        bank = new TestBank(api, users.permanent());
    }
}
