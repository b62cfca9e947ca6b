package dev.igautomation.inbound;

import dev.igautomation.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class OddEventsPostgresTests extends OddEventsTests {

}
