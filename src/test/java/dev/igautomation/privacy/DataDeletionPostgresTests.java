package dev.igautomation.privacy;

import dev.igautomation.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class DataDeletionPostgresTests extends DataDeletionTests {

}
