package dev.igautomation.inbox;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class ConversationApiH2Tests extends ConversationApiTests {

}
