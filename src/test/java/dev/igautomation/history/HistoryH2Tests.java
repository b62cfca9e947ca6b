package dev.igautomation.history;

import dev.igautomation.support.IntegrationTest;

@IntegrationTest
class HistoryH2Tests extends HistoryTests {

}
