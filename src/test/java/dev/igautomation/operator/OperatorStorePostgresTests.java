package dev.igautomation.operator;

import dev.igautomation.support.PostgresSlice;

@PostgresSlice
class OperatorStorePostgresTests extends OperatorStoreTests {

}
