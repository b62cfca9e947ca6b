package dev.igautomation.security;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class ApiKeyApiH2Tests extends ApiKeyApiTests {

}
