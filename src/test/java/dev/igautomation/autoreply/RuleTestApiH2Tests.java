package dev.igautomation.autoreply;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class RuleTestApiH2Tests extends RuleTestApiTests {

}
