package dev.igautomation.outbound;

import dev.igautomation.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class RichMessagesPostgresTests extends RichMessagesTests {

}
