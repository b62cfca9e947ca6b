package dev.igautomation.inbox;

import dev.igautomation.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class ConversationApiPostgresTests extends ConversationApiTests {

}
