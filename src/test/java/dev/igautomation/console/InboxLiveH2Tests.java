package dev.igautomation.console;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class InboxLiveH2Tests extends InboxLiveTests {

}
