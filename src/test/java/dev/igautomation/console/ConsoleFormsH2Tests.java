package dev.igautomation.console;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class ConsoleFormsH2Tests extends ConsoleFormsTests {

}
