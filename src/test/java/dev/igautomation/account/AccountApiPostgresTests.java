package dev.igautomation.account;

import dev.igautomation.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class AccountApiPostgresTests extends AccountApiTests {

}
