package dev.igautomation.analytics;

import dev.igautomation.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class AnalyticsPostgresTests extends AnalyticsTests {

}
