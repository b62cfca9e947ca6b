package dev.igautomation.console;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class ConsoleAccessH2Tests extends ConsoleAccessTests {

}
