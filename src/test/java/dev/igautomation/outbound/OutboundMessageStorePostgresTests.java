package dev.igautomation.outbound;

import dev.igautomation.support.PostgresSlice;

@PostgresSlice
class OutboundMessageStorePostgresTests extends OutboundMessageStoreTests {

}
