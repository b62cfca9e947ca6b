package dev.igautomation.console;

import dev.igautomation.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class InboxPagesPostgresTests extends InboxPagesTests {

}
