package dev.igautomation.outbound;

import dev.igautomation.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class SendApiPostgresTests extends SendApiTests {

}
