package dev.igautomation.account;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class AccountApiH2Tests extends AccountApiTests {

}
