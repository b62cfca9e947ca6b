package dev.igautomation.system;

import dev.igautomation.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class ApiContractPostgresTests extends ApiContractTests {

}
