package dev.igautomation.analytics;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class AnalyticsH2Tests extends AnalyticsTests {

}
