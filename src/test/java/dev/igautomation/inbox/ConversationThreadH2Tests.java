package dev.igautomation.inbox;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class ConversationThreadH2Tests extends ConversationThreadTests {

}
