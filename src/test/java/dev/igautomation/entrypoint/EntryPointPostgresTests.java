package dev.igautomation.entrypoint;

import dev.igautomation.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class EntryPointPostgresTests extends EntryPointTests {

}
