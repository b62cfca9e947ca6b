package dev.igautomation.account;

import dev.igautomation.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class WrongEncryptionKeyPostgresTests extends WrongEncryptionKeyTests {

}
