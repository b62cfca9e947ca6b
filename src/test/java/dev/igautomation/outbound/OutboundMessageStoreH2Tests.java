package dev.igautomation.outbound;

import dev.igautomation.support.H2Slice;

@H2Slice
class OutboundMessageStoreH2Tests extends OutboundMessageStoreTests {

}
