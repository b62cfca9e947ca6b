package dev.igautomation.system;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class ApiContractH2Tests extends ApiContractTests {

}
