package dev.igautomation.console;

import dev.igautomation.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class ConsoleAccessPostgresTests extends ConsoleAccessTests {

}
