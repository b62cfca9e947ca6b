package dev.igautomation.privacy;

import dev.igautomation.support.PostgresSlice;

@PostgresSlice
class DataDeletionStorePostgresTests extends DataDeletionStoreTests {

}
