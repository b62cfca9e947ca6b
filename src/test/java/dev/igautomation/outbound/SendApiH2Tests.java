package dev.igautomation.outbound;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class SendApiH2Tests extends SendApiTests {

}
