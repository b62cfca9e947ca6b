package dev.igautomation.autoreply;

import dev.igautomation.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class RichRulesPostgresTests extends RichRulesTests {

}
