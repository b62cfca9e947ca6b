package dev.igautomation.console;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class ConsoleLoginH2Tests extends ConsoleLoginTests {

}
