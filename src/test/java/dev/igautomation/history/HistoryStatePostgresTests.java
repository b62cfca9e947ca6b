package dev.igautomation.history;

import dev.igautomation.support.PostgresSlice;

@PostgresSlice
class HistoryStatePostgresTests extends HistoryStateTests {

}
