package dev.igautomation.console;

import dev.igautomation.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class ConsoleEntryPointsPostgresTests extends ConsoleEntryPointsTests {

}
