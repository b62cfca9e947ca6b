package dev.igautomation.autoreply;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class IndependentReactionsH2Tests extends IndependentReactionsTests {

}
