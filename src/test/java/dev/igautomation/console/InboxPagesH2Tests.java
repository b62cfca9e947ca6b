package dev.igautomation.console;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class InboxPagesH2Tests extends InboxPagesTests {

}
