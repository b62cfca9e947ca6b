package dev.igautomation.security;

import dev.igautomation.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class ApiKeyApiPostgresTests extends ApiKeyApiTests {

}
