package dev.igautomation.autoreply;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class AutoReplyH2Tests extends AutoReplyTests {

}
