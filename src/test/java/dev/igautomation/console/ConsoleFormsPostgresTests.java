package dev.igautomation.console;

import dev.igautomation.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class ConsoleFormsPostgresTests extends ConsoleFormsTests {

}
