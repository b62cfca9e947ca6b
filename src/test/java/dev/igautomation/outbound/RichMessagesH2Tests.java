package dev.igautomation.outbound;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class RichMessagesH2Tests extends RichMessagesTests {

}
