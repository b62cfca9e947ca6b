package dev.igautomation.inbound;

import dev.igautomation.support.H2Slice;

@H2Slice
class EventQueriesH2Tests extends EventQueriesTests {

}
