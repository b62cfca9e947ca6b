package dev.igautomation.account;

import dev.igautomation.support.PostgresSlice;

@PostgresSlice
class AccountRepositoryPostgresTests extends AccountRepositoryTests {

}
