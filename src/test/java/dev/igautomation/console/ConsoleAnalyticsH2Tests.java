package dev.igautomation.console;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class ConsoleAnalyticsH2Tests extends ConsoleAnalyticsTests {

}
