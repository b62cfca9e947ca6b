package dev.igautomation.inbound;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class OddEventsH2Tests extends OddEventsTests {

}
