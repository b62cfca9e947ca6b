package dev.igautomation.autoreply;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class RichRulesH2Tests extends RichRulesTests {

}
