package dev.igautomation.console;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class ConsoleEntryPointsH2Tests extends ConsoleEntryPointsTests {

}
