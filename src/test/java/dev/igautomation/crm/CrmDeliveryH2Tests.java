package dev.igautomation.crm;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class CrmDeliveryH2Tests extends CrmDeliveryTests {

}
