package dev.igautomation.analytics;

import dev.igautomation.support.PostgresSlice;

@PostgresSlice
class AnalyticsRollupPostgresTests extends AnalyticsRollupTests {

}
