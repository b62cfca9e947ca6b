package dev.igautomation.operator;

import dev.igautomation.support.H2Slice;

@H2Slice
class OperatorStoreH2Tests extends OperatorStoreTests {

}
