package dev.igautomation.history;

import dev.igautomation.support.H2Slice;

@H2Slice
class HistoryStateH2Tests extends HistoryStateTests {

}
