package dev.igautomation.crm;

import dev.igautomation.support.H2Slice;

@H2Slice
class DeliveryStoreH2Tests extends DeliveryStoreTests {

}
