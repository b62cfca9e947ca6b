package dev.igautomation.console;

import dev.igautomation.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class ConsoleAnalyticsPostgresTests extends ConsoleAnalyticsTests {

}
