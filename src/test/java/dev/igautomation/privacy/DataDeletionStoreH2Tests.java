package dev.igautomation.privacy;

import dev.igautomation.support.H2Slice;

@H2Slice
class DataDeletionStoreH2Tests extends DataDeletionStoreTests {

}
