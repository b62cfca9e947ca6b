package dev.igautomation.history;

import dev.igautomation.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class HistoryPostgresTests extends HistoryTests {

}
