package dev.igautomation.inbound;

import dev.igautomation.support.PostgresSlice;

@PostgresSlice
class EventQueriesPostgresTests extends EventQueriesTests {

}
