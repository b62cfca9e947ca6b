package dev.igautomation.crm;

import dev.igautomation.support.PostgresSlice;

@PostgresSlice
class DeliveryStorePostgresTests extends DeliveryStoreTests {

}
