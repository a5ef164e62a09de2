package dev.jctl.runtime.storage;

class MemoryStorageTest extends StorageContractTest {
    @Override
    protected Storage open() {
        return new MemoryStorage();
    }
}
