package dev.igautomation.inbound;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class InboundFlowH2Tests extends InboundFlowTests {

}
