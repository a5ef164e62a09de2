package dev.jctl.runtime.storage;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract against a real etcd, one server for the class (each test uses its own key prefix). */
class EtcdStorageTest extends StorageContractTest {
    private static EtcdServer server;

    @BeforeAll
    static void startEtcd() throws Exception {
        server = EtcdServer.start();
    }

    @AfterAll
    static void stopEtcd() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected Storage open() {
        return new EtcdStorage(List.of(server.endpoint()));
    }
}
