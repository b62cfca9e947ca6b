package dev.igautomation.analytics;

import dev.igautomation.support.H2Slice;

@H2Slice
class AnalyticsRollupH2Tests extends AnalyticsRollupTests {

}
