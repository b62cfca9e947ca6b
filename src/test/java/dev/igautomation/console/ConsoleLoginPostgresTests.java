package dev.igautomation.console;

import dev.igautomation.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class ConsoleLoginPostgresTests extends ConsoleLoginTests {

}
