package dev.igautomation.analytics;

import dev.igautomation.support.H2Slice;

@H2Slice
class AnalyticsQueriesH2Tests extends AnalyticsQueriesTests {

}
