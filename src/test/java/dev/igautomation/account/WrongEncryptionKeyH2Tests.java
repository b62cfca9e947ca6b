package dev.igautomation.account;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class WrongEncryptionKeyH2Tests extends WrongEncryptionKeyTests {

}
