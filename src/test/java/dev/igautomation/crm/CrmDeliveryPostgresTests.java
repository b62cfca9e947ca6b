package dev.igautomation.crm;

import dev.igautomation.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class CrmDeliveryPostgresTests extends CrmDeliveryTests {

}
